/**
 * Blind annotation in the claim panel (on a copy of a demo article of this spec's own: submitting
 * makes an analyst's layer of the whole article final): Ben annotates a claim and submits in his
 * own browser; Ana, annotating the same claim, does not see his judgement or his layer until she
 * submits the article (Ctrl+Enter, asked first), then sees both side by side and can edit no
 * more; the History section lists both analysts' changes, field by field.
 */
import { expect, type Page, test } from "@playwright/test";
import { importArticleCopy, openClaim, pageAs, watchErrors } from "./support";

async function choose(page: Page, row: ReturnType<Page["locator"]>, label: string, value: string) {
  const saved = page.waitForResponse((r) => r.url().includes("annotation.upsert") && r.ok());
  await row.getByTestId("claim-editor").getByLabel(label).selectOption(value);
  await saved;
}

test("an analyst sees another's annotation only after submitting her own, and its history", async ({
  browser,
}) => {
  const ana = await pageAs(browser, "ana");
  const ben = await pageAs(browser, "ben");
  const errors = [...watchErrors(ana), ...watchErrors(ben)];
  const copy = await importArticleCopy(ana.request, "demo/articles/halcyon-corvanil-recall.txt");
  const claim = copy.claims[0];
  if (!claim) throw new Error("the demo article has no suggestion");

  // Ben judges the claim and submits with the button.
  const benRow = await openClaim(ben, claim);
  await choose(ben, benRow, "Source stance", "deny");
  await choose(ben, benRow, "Likelihood", "unlikely");
  const benSubmit = benRow.getByTestId("annotation-submit");
  await expect(benSubmit).toHaveAttribute("data-submitted", "false");
  const benSubmitted = ben.waitForResponse((r) => r.url().includes("annotation.submit") && r.ok());
  await benSubmit.getByRole("button", { name: /Submit/ }).click();
  await benSubmitted;
  // The claim's Submit submits Ben's layer of the whole article: final, the editor gone.
  await expect(ben.getByTestId("article-submitted")).toContainText("your layer is final");
  await expect(benRow.getByTestId("claim-editor")).toHaveCount(0);

  // Ana annotates the same claim: Ben's judgement is nowhere on her page.
  const anaRow = await openClaim(ana, claim);
  await choose(ana, anaRow, "Source stance", "support");
  await choose(ana, anaRow, "Likelihood", "likely");
  await expect(anaRow.getByTestId("annotations-hidden")).toBeVisible();
  await expect(anaRow.getByTestId("annotations-table")).toHaveCount(0);
  await expect(anaRow.getByTestId("claim-layers")).toHaveCount(0);
  await expect(ana.getByText("Ben Analyst")).toHaveCount(0);
  await anaRow.getByTestId("claim-history").locator("summary").click();
  await expect(anaRow.getByTestId("history-event").first()).toBeVisible();
  await expect(anaRow.getByTestId("claim-history")).not.toContainText("Ben Analyst");

  // The help lists the submit shortcut; Ctrl+Enter asks first (Escape keeps the draft), and
  // Ctrl+Enter again submits the article.
  await anaRow.locator("[data-claim-toggle]").focus();
  await ana.keyboard.press("?");
  await expect(ana.getByRole("dialog")).toContainText("Ctrl+Enter");
  await ana.keyboard.press("Escape");
  await anaRow.locator("[data-claim-toggle]").focus();
  await ana.keyboard.press("Control+Enter");
  await expect(ana.getByTestId("submit-warning")).toContainText("final");
  await ana.keyboard.press("Escape");
  await expect(ana.getByTestId("submit-warning")).toHaveCount(0);
  await anaRow.locator("[data-claim-toggle]").focus();
  await ana.keyboard.press("Control+Enter");
  const anaSubmitted = ana.waitForResponse((r) => r.url().includes("article.submit") && r.ok());
  await ana.keyboard.press("Control+Enter");
  await anaSubmitted;
  await expect(ana.getByTestId("article-submitted")).toContainText("your layer is final");
  await expect(anaRow.getByTestId("claim-editor")).toHaveCount(0);
  await expect(anaRow.getByTestId("claim-read-only")).toContainText("final");
  // The layers beside hers now (hers and gold: neither analyst decided the suggestion itself).
  await expect(anaRow.getByTestId("layers-table")).toBeVisible();
  await expect(anaRow.getByTestId("layers-hidden")).toHaveCount(0);

  // Now both annotations side by side, the differing fields marked.
  const table = anaRow.getByTestId("annotations-table");
  await expect(table.getByRole("columnheader", { name: /Ana Analyst \(you\)/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /Ben Analyst/ })).toBeVisible();
  const stance = table.getByRole("row", { name: /Source stance/ });
  await expect(stance.getByRole("cell")).toHaveText(["Support", "Deny"]);
  await expect(stance).toContainText("analysts differ");
  await expect(table.getByRole("row", { name: /Likelihood/ }).getByRole("cell")).toHaveText([
    "Likely",
    "Unlikely",
  ]);

  // History: both analysts' changes with before → after.
  const history = anaRow.getByTestId("claim-history");
  const events = history.getByTestId("history-event");
  const benEvents = events.filter({ hasText: "Ben Analyst" });
  await expect(
    benEvents.locator('[data-field="sourceStance"]').filter({ hasText: "Deny" }),
  ).toHaveCount(1);
  await expect(
    events.filter({ hasText: "Ana Analyst" }).locator('[data-field="likelihood"]'),
  ).toHaveText([/^Likelihood:\s*—.*changed to\s*Likely$/]);
  await expect(
    benEvents.locator('[data-field="likelihood"]').filter({ hasText: "Unlikely" }),
  ).toHaveCount(1);

  expect(errors).toEqual([]);
  await ana.context().close();
  await ben.context().close();
});
