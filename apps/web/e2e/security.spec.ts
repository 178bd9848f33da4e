/**
 * Article text is untrusted: markup in an imported article shows as literal text and never runs.
 * The article goes in the way real ones do — the worker's import command on the e2e database
 * while the app is serving it (WAL lets both share the file).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { e2eDbPath, repoRoot } from "./users.mjs";

const dbPath = e2eDbPath();

const SCRIPT = "<script>window.__pwned=1</script>";
const IMG = '<img src=x onerror="window.__pwned=2">';
const ARTICLE = [
  `Quillfeather dispute ${SCRIPT} reaches the council`,
  "",
  `The council of Quillfeather met on Monday. ${SCRIPT} Members argued late into the night.`,
  "",
  `“${IMG} is only a picture,” the council spokesman said after the vote.`,
  "",
].join("\n");

test("markup in an imported article is shown as text and never runs", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "claimdesk-e2e-"));
  const file = join(dir, "quillfeather-untrusted.txt");
  writeFileSync(file, ARTICLE);
  const run = spawnSync("pnpm", ["--dir", repoRoot, "worker", "import", file], {
    env: { ...process.env, CLAIMDESK_DB: dbPath },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);

  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto("/?q=Quillfeather");
  const result = page.getByTestId("article-row").filter({ hasText: "Quillfeather" });
  await expect(result).toHaveCount(1);
  await expect(result).toContainText("<script>");
  await result.getByRole("link").click();
  await expect(page).toHaveURL(/\/articles\/\d+$/);

  const text = page.getByTestId("article-text");
  await expect(text).toContainText(SCRIPT);
  await expect(text).toContainText(IMG);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(SCRIPT);
  await expect(text.locator("script, img")).toHaveCount(0);
  await expect(page.locator("main img")).toHaveCount(0);
  // The suggested claim's content (with the img markup) is text in the panel too.
  await expect(page.getByTestId("claim-row").filter({ hasText: IMG })).toHaveCount(1);

  const pwned = await page.evaluate(() => (window as unknown as Record<string, unknown>).__pwned);
  expect(pwned).toBeUndefined();
  expect(pageErrors).toEqual([]);
});
