/**
 * Importing without a terminal: upload files on /imports, watch the job wait in the queue, let
 * `pnpm worker run --once` process it, and see its counts and failed record appear live.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";
import { e2eDbPath, repoRoot } from "./users.mjs";

/** The database e2e/serve.mjs created for this run. */
const dbPath = e2eDbPath();

const ARTICLE = [
  "Ministry says border talks will resume next week",
  "",
  "The foreign ministry said on Tuesday that talks with neighbouring states would resume next week in Geneva.",
  "",
  '"We expect real progress on the border question," a senior diplomat told reporters after the meeting.',
  "",
].join("\n");

/**
 * Console and page errors of the Imports pages. The top bar's links are prefetched as RSC payloads
 * (`?_rsc=`); a section not built yet answers those with 404, which is not this page's error.
 */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    const url = msg.location().url;
    if (msg.type() === "error" && !url.includes("_rsc=")) errors.push(`${msg.text()} ${url}`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("upload articles, process the queued job with the worker, and follow it to completion", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const consoleErrors = watchConsole(page);
  await page.goto("/imports");
  await expect(page.getByRole("heading", { name: "Imports", level: 1 })).toBeVisible();

  await page.getByLabel("Article files").setInputFiles([
    { name: "border-talks.txt", mimeType: "text/plain", buffer: Buffer.from(ARTICLE) },
    { name: "empty.txt", mimeType: "text/plain", buffer: Buffer.from("  \n") },
  ]);
  await expect(page.getByTestId("upload-selection")).toContainText("2 files");
  const uploaded = page.waitForResponse(
    (r) => r.url().endsWith("/api/imports/upload") && r.status() === 201,
  );
  await page.getByRole("button", { name: "Upload and queue" }).click();
  const { jobId } = (await (await uploaded).json()) as { jobId: number };
  await expect(page.getByRole("link", { name: `import job #${jobId}` })).toBeVisible();

  // Queued until a worker runs: the row says so and the page tells the analyst what to run.
  const row = page.locator(`[data-testid="import-row"][data-job-id="${jobId}"]`);
  await expect(row).toHaveAttribute("data-status", "queued");
  await expect(row).toContainText("Upload");
  await expect(row).toContainText("border-talks.txt, empty.txt");
  await expect(page.getByRole("note")).toContainText("pnpm worker run");

  const { stdout } = await promisify(execFile)(
    "pnpm",
    ["--dir", repoRoot, "worker", "run", "--once"],
    { env: { ...process.env, CLAIMDESK_DB: dbPath }, timeout: 90_000 },
  );
  expect(stdout).toContain(`Import job ${jobId}: completed`);

  // The page polls while the job is queued or running, so the result appears without a reload.
  await expect(row).toHaveAttribute("data-status", "completed");
  await expect(row.getByTestId("import-status")).toHaveText("Completed");
  await expect(row.locator('[data-count="read"]')).toHaveText("2");
  await expect(row.locator('[data-count="imported"]')).toHaveText("1");
  await expect(row.locator('[data-count="duplicates"]')).toHaveText("0");
  await expect(row.locator('[data-count="failed"]')).toHaveText("1");
  await expect(row.locator('[data-count="claims"]')).not.toHaveText("0");
  await expect(page.getByRole("note")).toHaveCount(0);

  // The detail page: counts, inputs and the failed record.
  await row.getByRole("link", { name: `#${jobId}` }).click();
  await expect(page).toHaveURL(new RegExp(`/imports/${jobId}$`));
  await expect(page.getByRole("heading", { name: `Import job #${jobId}` })).toBeVisible();
  await expect(page.locator("dd[data-count]")).toHaveCount(5);
  await expect(page.locator('dd[data-count="imported"]')).toHaveText("1");
  await expect(page.locator('dd[data-count="failed"]')).toHaveText("1");
  await expect(page.getByRole("heading", { name: "Inputs (2)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Failed records (1)" })).toBeVisible();
  const failed = page.getByTestId("failed-record");
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText("empty.txt");
  await expect(failed).toContainText("empty file");

  expect(consoleErrors).toEqual([]);
});

test("refuses uploads from another site and files the worker cannot read", async ({ request }) => {
  const multipart = {
    files: { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from(ARTICLE) },
  };
  const crossSite = await request.post("/api/imports/upload", {
    multipart,
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);

  const pdf = await request.post("/api/imports/upload", {
    multipart: {
      files: { name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF") },
    },
  });
  expect(pdf.status()).toBe(415);
  expect(((await pdf.json()) as { error: string }).error).toContain("scan.pdf");
});

test("an unknown import job says so", async ({ page }) => {
  await page.goto("/imports/999999");
  await expect(page.getByText("Import job 999999 not found.")).toBeVisible();
});
