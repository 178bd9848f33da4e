/** Suggested claims are accepted or rejected with one key each; badges and counts follow and persist. */
import { expect, type Page, test } from "@playwright/test";
import { selectInArticle } from "./support";

async function openSampleArticle(page: Page): Promise<void> {
  await page.goto("/?q=Quds");
  // The original, not another spec's "E2E copy" of it.
  await page
    .getByTestId("article-row")
    .filter({ hasText: "Quds", hasNotText: "E2E copy" })
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/\/articles\/\d+$/);
  await expect(page.getByTestId("article-text")).toBeVisible();
}

/** "3 suggested · 2 accepted · 1 rejected" as numbers. */
async function counts(page: Page): Promise<Record<string, number>> {
  const text = (await page.getByTestId("claim-counts").textContent()) ?? "";
  return Object.fromEntries(
    [...text.matchAll(/(\d+) (suggested|accepted|rejected)/g)].map((m) => [m[2], Number(m[1])]),
  );
}

const row = (page: Page, content: string) =>
  page.getByTestId("claim-row").filter({ hasText: content });

test("accept one suggestion with a and reject another with r", async ({ page }) => {
  await openSampleArticle(page);
  // Other specs share this database: take the first two claims still suggested, by id.
  const pending = page.locator('[data-testid="claim-row"][data-status="suggested"]');
  await expect(pending.nth(1)).toBeVisible();
  const [acceptId, rejectId] = await Promise.all([
    pending.nth(0).getAttribute("data-claim-id"),
    pending.nth(1).getAttribute("data-claim-id"),
  ]);
  const byId = (id: string | null) =>
    page.locator(`[data-testid="claim-row"][data-claim-id="${id}"]`);
  const toAccept = byId(acceptId);
  const toReject = byId(rejectId);
  const before = await counts(page);

  await toAccept.locator("[data-claim-toggle]").click();
  await expect(toAccept.getByTestId("claim-editor")).toBeVisible();
  await page.keyboard.press("a");
  await expect(toAccept).toHaveAttribute("data-status", "accepted");
  await expect(toAccept.getByText("Accepted", { exact: true })).toBeVisible();

  await toReject.locator("[data-claim-toggle]").click();
  await page.keyboard.press("x");
  await expect(toReject).toHaveAttribute("data-status", "rejected");
  await expect(toReject.getByText("Rejected", { exact: true })).toBeVisible();

  const expected = {
    suggested: (before.suggested ?? 0) - 2,
    accepted: (before.accepted ?? 0) + 1,
    rejected: (before.rejected ?? 0) + 1,
  };
  await expect.poll(() => counts(page)).toEqual(expected);
  await expect(toReject.getByText("Saving…")).toHaveCount(0);

  await page.reload();
  await expect(toAccept).toHaveAttribute("data-status", "accepted");
  await expect(toReject).toHaveAttribute("data-status", "rejected");
  await expect.poll(() => counts(page)).toEqual(expected);
});

test("correct a suggestion's spans: nudge the content by a word and mark the source", async ({
  page,
}) => {
  const CONTENT =
    "Iran has a high level of control over what it calls Iranian “proxies” in the region";
  await openSampleArticle(page);
  const claim = row(page, "Iran has a high level of control");
  await claim.locator("[data-claim-toggle]").click();
  const spans = claim.getByTestId("span-adjuster");
  const content = spans.locator('[data-span-role="content"] p');
  await expect(content).toHaveText(CONTENT);

  // } moves the end a word right (here the full stop); { moves it back; [ moves the start left.
  await page.keyboard.press("}");
  await expect(content).toHaveText(`${CONTENT}.`);
  await page.keyboard.press("{");
  await expect(content).toHaveText(CONTENT);
  await page.keyboard.press("[");
  await expect(content).toHaveText(`that ${CONTENT}`);

  // m s marks the selected text as the source mention.
  await selectInArticle(page, "United States asserts");
  await page.keyboard.press("m");
  await expect(page.getByTestId("mark-banner")).toBeVisible();
  await page.keyboard.press("s");
  await expect(spans.locator('[data-span-role="sourceMention"] p')).toHaveText(
    "United States asserts",
  );
  await expect(spans.getByText("Saving…")).toHaveCount(0);

  await page.reload();
  const again = row(page, "Iran has a high level of control");
  await expect(again).toContainText(`that ${CONTENT}`);
  await again.locator("[data-claim-toggle]").click();
  await expect(
    again.getByTestId("span-adjuster").locator('[data-span-role="sourceMention"] p'),
  ).toHaveText("United States asserts");
});
