/**
 * Assignments: an admin deals the three demo articles to Ana and Ben with 100% overlap (after a
 * preview of the deal); Ana's review queue then holds only those articles — the sample article,
 * which was in it before, is gone — and shows the set she is working on.
 */
import { expect, type Page, test } from "@playwright/test";
import { pageAs, watchErrors } from "./support";

/** The demo articles (demo/articles/*.txt), by a phrase of each title. */
const DEMO = [/Amsel River/, /Halcyon Therapeutics/, /Marrowby council/];
/** The real sample article every e2e database also holds (not assigned here). */
const SAMPLE = /Iraqi armed groups/;

async function queueArticles(page: Page) {
  await page.goto("/queue");
  const list = page.getByTestId("queue-articles");
  await expect(list).toBeVisible();
  return list;
}

test("an admin assigns the demo articles to Ana and Ben; Ana's queue follows", async ({
  page,
  browser,
}) => {
  const errors = watchErrors(page);
  // Before: Ana's queue holds every article, the sample one included.
  const before = await queueArticles(page);
  await expect(before.getByRole("link", { name: SAMPLE })).toBeVisible();

  const admin = await pageAs(browser, "admin");
  const adminErrors = watchErrors(admin);
  await admin.goto("/admin/assignments");
  await expect(admin.getByRole("heading", { name: "Assignments", level: 1 })).toBeVisible();
  const label = `Demo articles ${Date.now()}`;
  await admin.getByLabel("Label", { exact: true }).fill(label);
  await admin.getByRole("radio", { name: "Choose articles" }).check();
  for (const title of DEMO) {
    await admin.getByLabel("Search articles").fill(title.source);
    await admin.getByRole("checkbox", { name: title }).check();
  }
  await expect(admin.getByText("3 articles chosen")).toBeVisible();
  await admin.getByRole("checkbox", { name: "Ana Analyst", exact: true }).check();
  await admin.getByRole("checkbox", { name: "Ben Analyst", exact: true }).check();
  await admin.getByLabel("Overlap (%)").fill("100");

  await admin.getByRole("button", { name: "Preview the deal" }).click();
  const preview = admin.getByTestId("assignment-preview");
  await expect(preview).toContainText("3 articles; 3 double-annotated.");
  for (const name of ["Ana Analyst", "Ben Analyst"])
    await expect(preview.getByRole("row", { name: new RegExp(name) })).toContainText("3");

  await admin.getByRole("button", { name: "Create assignment set" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Saved "${label}"` })).toBeVisible();
  const set = admin.getByTestId("assignment-set").filter({ hasText: label });
  await expect(set).toContainText("3 articles · 3 double-annotated (100% overlap)");
  for (const name of ["Ana Analyst", "Ben Analyst"]) {
    const row = set.getByRole("row", { name: new RegExp(name) });
    await expect(row.getByRole("cell").first()).toHaveText("3");
    await expect(row.getByRole("progressbar")).toBeVisible();
  }
  expect(adminErrors).toEqual([]);
  await admin.context().close();

  // After: only the assigned demo articles, and the set she is working on.
  const after = await queueArticles(page);
  await expect(page.getByTestId("assignment-my-sets")).toContainText(label);
  await expect(after.getByRole("link", { name: SAMPLE })).toHaveCount(0);
  const links = after.getByRole("link");
  const count = await links.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThanOrEqual(DEMO.length);
  for (const text of await links.allTextContents())
    expect(
      DEMO.some((title) => title.test(text)),
      text,
    ).toBe(true);
  await expect(page.getByRole("heading", { name: /assigned to you/ })).toBeVisible();
  expect(errors).toEqual([]);
});
