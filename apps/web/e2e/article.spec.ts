/**
 * The analyst's path through the real sample article: search, open, see suggested claims, create
 * a claim from a text selection, assess it, and find it all again after a reload.
 */
import { expect, type Page, test } from "@playwright/test";
import { selectInArticle, watchErrors } from "./support";

const NEW_CLAIM =
  "Following the subsequent lull in hostilities, on Feb. 6 talks resumed with the United States about ending the U.S. presence in Iraq.";

async function openSampleArticle(page: Page): Promise<void> {
  await page.goto("/");
  await page.getByLabel("Search articles").fill("Quds");
  await expect(page).toHaveURL(/\?q=Quds/);
  const result = page.getByTestId("article-row").filter({ hasText: "Quds" });
  await expect(result).toHaveCount(1);
  await expect(result.locator("mark")).toContainText(["Quds"]);
  await result.getByRole("link").click();
  await expect(page).toHaveURL(/\/articles\/\d+$/);
  await expect(page.getByTestId("article-text")).toBeVisible();
}

function claimRow(page: Page, content: string) {
  return page.getByTestId("claim-row").filter({ hasText: content });
}

test("search, review suggested claims, create and assess a claim, and keep it across a reload", async ({
  page,
}) => {
  const consoleErrors = watchErrors(page);
  await openSampleArticle(page);

  // Suggested claims are highlighted in the text and listed in the panel.
  const text = page.getByTestId("article-text");
  const tehran = text.locator('[data-roles~="source"]', { hasText: "Tehran" }).first();
  await expect(tehran).toBeVisible();
  await expect(tehran).toHaveCSS("text-decoration-line", "underline");
  const funded = text.locator('[data-roles~="content"]', {
    hasText: "funded, advised and trained",
  });
  await expect(funded.first()).toBeVisible();
  expect(await funded.first().evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(
    "rgba(0, 0, 0, 0)",
  );
  await expect.poll(() => page.getByTestId("claim-row").count()).toBeGreaterThanOrEqual(2);
  await expect(claimRow(page, "funded, advised and trained allies")).toHaveCount(1);

  // Hovering a claim in the panel highlights its parts in the text.
  await claimRow(page, "funded, advised and trained allies").getByRole("button").first().hover();
  await expect(funded.first()).toHaveClass(/bg-amber-100/);

  // Create a claim from a selection.
  await selectInArticle(page, NEW_CLAIM);
  const created = page.waitForResponse((r) => r.url().includes("claim.create") && r.ok());
  await page.getByRole("button", { name: "Create claim" }).click();
  await created;
  const row = claimRow(page, "talks resumed with the United States");
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("button", { expanded: true })).toBeVisible();
  await expect(row).toHaveAttribute("data-status", "accepted");
  await expect(
    text.locator('[data-roles~="content"]', { hasText: "talks resumed" }).first(),
  ).toHaveClass(/bg-amber-200/);

  // Assess it; each change is saved on its own.
  const editor = row.getByTestId("claim-editor");
  for (const [label, value] of [
    ["Likelihood", "likely"],
    ["Source stance", "support"],
    ["Credibility", "2"],
  ] as const) {
    const saved = page.waitForResponse((r) => r.url().includes("annotation.upsert") && r.ok());
    await editor.getByLabel(label).selectOption(value);
    await saved;
  }
  await expect(editor.getByLabel("Likelihood")).toHaveValue("likely");
  await expect(editor.getByRole("option", { name: "Likely (55–80 %)" })).toHaveCount(1);

  // Link it to a new source in the registry.
  await editor.getByRole("button", { name: "Link source" }).click();
  await editor.getByRole("button", { name: "Create new source" }).click();
  await editor.getByLabel("New source name").fill("Iraqi government");
  await editor.getByLabel("Kind").selectOption("named_organization");
  const linked = page.waitForResponse((r) => r.url().includes("claim.update") && r.ok());
  await editor.getByRole("button", { name: "Create and link" }).click();
  await linked;
  await expect(editor.getByText("Iraqi government", { exact: true })).toBeVisible();

  // Everything is in the database: a reload shows the same.
  await page.reload();
  const again = claimRow(page, "talks resumed with the United States");
  await expect(again).toHaveCount(1);
  await again.getByRole("button").first().click();
  const editorAgain = again.getByTestId("claim-editor");
  await expect(editorAgain.getByLabel("Likelihood")).toHaveValue("likely");
  await expect(editorAgain.getByLabel("Source stance")).toHaveValue("support");
  await expect(editorAgain.getByLabel("Credibility")).toHaveValue("2");
  await expect(editorAgain.getByText("Iraqi government", { exact: true })).toBeVisible();
  await expect(
    text.locator('[data-roles~="content"]', { hasText: "talks resumed" }).first(),
  ).toBeVisible();

  expect(consoleErrors).toEqual([]);
});

test("a stale edit is refused with the current value shown, not silently overwritten", async ({
  browser,
}) => {
  const first = await browser.newPage();
  const second = await browser.newPage();
  const consoleErrors = [...watchErrors(first), ...watchErrors(second)];
  const errorsOf = () => consoleErrors;
  for (const page of [first, second]) {
    await openSampleArticle(page);
    await claimRow(page, "funded, advised and trained allies").getByRole("button").first().click();
  }

  // The first analyst accepts the claim...
  const accepted = first.waitForResponse((r) => r.url().includes("claim.update") && r.ok());
  await claimRow(first, "funded, advised and trained allies")
    .getByRole("button", { name: "Accept", exact: true })
    .click();
  await accepted;

  // ...the second, still looking at the old version, rejects it and is told what happened.
  const row = claimRow(second, "funded, advised and trained allies");
  await row.getByRole("button", { name: "Reject", exact: true }).click();
  await expect(row.getByRole("alert")).toContainText("changed elsewhere");
  await expect(row.getByRole("alert")).toContainText("Status is now Accepted");
  await expect(row).toHaveAttribute("data-status", "accepted");
  await expect(row.getByRole("button", { name: "Accept", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // A CONFLICT response is a 409, which Chromium logs as a failed resource load: that one is expected.
  expect(errorsOf().filter((e) => !e.includes("409"))).toEqual([]);
});
