/**
 * The workbench from the keyboard alone: after page.goto, every step is page.keyboard — open the
 * queue, start, move between claims, accept, assess, link a source and a new proposition, tag,
 * and find it all again after a reload; `?` lists every shortcut in a dialog.
 */
import { expect, type Page, test } from "@playwright/test";
import { watchErrors } from "./support";

const PROPOSITION = "Iran restrains its Iraqi allies to avoid a wider war";

/** The claim row that holds keyboard focus. */
const focusedRow = (page: Page) =>
  page.locator('[data-testid="claim-row"]:has([data-claim-toggle]:focus)');

test("annotate a claim end to end with the keyboard only", async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto("/queue");
  const start = page.getByRole("link", { name: "Start reviewing" });
  await expect(start).toBeFocused();
  await expect(page.getByTestId("queue-counts")).toContainText("Claims to review");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/articles\/\d+\?claim=\d+$/);

  // The first pending claim is selected and focused; j / k move between claims.
  const first = focusedRow(page);
  await expect(first).toHaveCount(1);
  await expect(first.getByTestId("claim-editor")).toBeVisible();
  // Other specs share this database and may have left cue-less analyst claims first in the
  // queue: move on (j) to the first pending claim with a reporting cue, whose stance is pre-filled.
  for (let i = 0; i < 20 && !(await focusedRow(page).getAttribute("data-cue-lemma")); i++) {
    await page.keyboard.press("j");
  }
  await expect(focusedRow(page)).toHaveAttribute("data-cue-lemma", /\w/);
  const claimId = await focusedRow(page).getAttribute("data-claim-id");
  await page.keyboard.press("j");
  await expect(focusedRow(page)).not.toHaveAttribute("data-claim-id", claimId ?? "");
  await expect(focusedRow(page).getByTestId("claim-editor")).toBeVisible();
  await page.keyboard.press("k");
  const row = page.locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`);
  await expect(row.locator("[data-claim-toggle]")).toBeFocused();
  // Focus highlights the claim's parts in the text, as hover does.
  await expect(
    page.locator(`[data-testid="article-text"] [data-claims~="${claimId}"]`).first(),
  ).toHaveClass(/bg-amber-200|bg-amber-100/);
  const editor = row.getByTestId("claim-editor");

  // a accepts; a digit sets likelihood; Shift+digit sets credibility.
  await page.keyboard.press("a");
  await expect(row).toHaveAttribute("data-status", "accepted");
  await page.keyboard.press("5");
  await expect(editor.getByLabel("Likelihood")).toHaveValue("likely");
  await page.keyboard.press("Shift+Digit2");
  await expect(editor.getByLabel("Credibility")).toHaveValue("2");

  // w opens the source picker ("who says it"): type, Enter links the best match.
  await page.keyboard.press("w");
  await expect(editor.getByLabel("Filter sources")).toBeFocused();
  await page.keyboard.type("Tehran");
  await expect(
    editor.getByRole("list", { name: "Matching sources" }).getByRole("button").first(),
  ).toContainText("Tehran");
  await page.keyboard.press("Enter");
  await expect(editor.getByText("Tehran", { exact: true })).toBeVisible();

  // p opens the proposition picker: a new proposition is created and linked with Enter.
  await page.keyboard.press("p");
  await expect(
    editor.getByRole("combobox", { name: "Find or create a proposition" }),
  ).toBeFocused();
  await page.keyboard.type(PROPOSITION);
  await expect(editor.getByRole("option", { name: `Create “${PROPOSITION}”` })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(editor.getByTestId("proposition-current")).toHaveText(PROPOSITION);

  // t goes to the tags: Enter adds each; Esc hands focus back to the claim.
  await page.keyboard.press("t");
  await expect(editor.getByRole("combobox", { name: "Tags" })).toBeFocused();
  await page.keyboard.type("militias");
  await page.keyboard.press("Enter");
  await page.keyboard.type("deterrence");
  await page.keyboard.press("Enter");
  await expect(editor.getByTestId("tag-chip")).toHaveText(["militias×", "deterrence×"]);
  await page.keyboard.press("Escape");
  await expect(row.locator("[data-claim-toggle]")).toBeFocused();
  await expect(editor.getByText("Saving…")).toHaveCount(0);

  // Everything persisted.
  // Reopen the article at the claim annotated above (the URL still names the queue's first one).
  await page.goto(`${new URL(page.url()).pathname}?claim=${claimId}`);
  const again = page.locator(`[data-testid="claim-row"][data-claim-id="${claimId}"]`);
  await expect(again.locator("[data-claim-toggle]")).toBeFocused();
  const editorAgain = again.getByTestId("claim-editor");
  await expect(again).toHaveAttribute("data-status", "accepted");
  await expect(editorAgain.getByLabel("Likelihood")).toHaveValue("likely");
  await expect(editorAgain.getByLabel("Credibility")).toHaveValue("2");
  await expect(editorAgain.getByText("Tehran", { exact: true })).toBeVisible();
  await expect(editorAgain.getByTestId("proposition-current")).toHaveText(PROPOSITION);
  await expect(editorAgain.getByTestId("tag-chip")).toHaveText(["militias×", "deterrence×"]);
  // The cue's suggested reporting stance was saved with the first judgement.
  await expect(editorAgain.getByLabel("Reporting stance")).not.toHaveValue("");

  // ? lists every shortcut in a modal dialog; Esc closes it and focus comes back.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  for (const text of [
    "Next claim",
    "Accept the claim",
    "Reject the claim",
    "Proposition: pick or create one",
    "Undo your last change",
    "New claim",
  ])
    await expect(help).toContainText(text);
  // Every field's values are listed under its key.
  const values = help.getByTestId("shortcut-values");
  await expect(values.locator('[data-field="sourceStance"]')).toContainText("s Source stance");
  await expect(values.locator('[data-field="likelihood"]')).toContainText("7 Almost certain");
  for (const field of [
    "reportingStance",
    "analyticConfidence",
    "credibility",
    "verdict",
    "quoteType",
  ])
    await expect(values.locator(`[data-field="${field}"]`)).toBeVisible();

  await expect(help.getByRole("button", { name: /Close/ })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(help.getByRole("button", { name: /Close/ })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(again.locator("[data-claim-toggle]")).toBeFocused();

  // Shift+N goes on to the next article in the queue, on its first pending claim.
  const articleUrl = page.url().replace(/\?.*$/, "");
  await page.keyboard.press("Shift+N");
  await expect.poll(() => page.url().replace(/\?.*$/, "")).not.toBe(articleUrl);
  await expect(page).toHaveURL(/\/articles\/\d+\?claim=\d+$/);
  await expect(focusedRow(page).getByTestId("claim-editor")).toBeVisible();

  expect(errors).toEqual([]);
});
