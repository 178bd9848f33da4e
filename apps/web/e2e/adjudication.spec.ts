/**
 * Adjudication end to end: Ana and Ben submit different judgements of one claim (through the API,
 * each signed in, on a copy of a demo article of this spec's own: submitting makes their layer of
 * the whole article final), Judy (adjudicator) resolves it on /adjudication with the keyboard
 * (a digit decides the current field and stays on it; j moves on), the claim moves to the
 * Resolved tab with the analysts' values still beside the decision, and the canonical export's
 * line for the claim carries the decision in `adjudicated`. An analyst is refused the page.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { importArticleCopy, mutate, openClaim, pageAs, watchErrors } from "./support";

test("an adjudicator resolves a disagreement and the export carries the decision", async ({
  browser,
}) => {
  const ana = await pageAs(browser, "ana");
  const ben = await pageAs(browser, "ben");
  const judy = await pageAs(browser, "judy");
  const errors = watchErrors(judy);

  // Ana and Ben disagree on the source stance and the verdict; they agree on the likelihood.
  const copy = await importArticleCopy(ana.request, "demo/articles/amsel-river-dispute.txt");
  const claim = copy.claims[0];
  if (!claim) throw new Error("the demo article has no suggestion");
  await mutate(ana.request, "annotation.upsert", {
    claimId: claim.id,
    values: { sourceStance: "support", likelihood: "likely", verdict: "supported" },
  });
  await mutate(ana.request, "annotation.submit", { claimId: claim.id });
  await mutate(ben.request, "annotation.upsert", {
    claimId: claim.id,
    values: { sourceStance: "deny", likelihood: "likely", verdict: "refuted", note: "<b>x</b>" },
  });
  await mutate(ben.request, "annotation.submit", { claimId: claim.id });

  // An analyst cannot adjudicate.
  await ana.goto("/adjudication");
  await expect(ana.getByText("Adjudication is for adjudicators.")).toBeVisible();

  await judy.goto("/adjudication");
  await expect(judy.getByRole("heading", { name: "Adjudication" })).toBeVisible();
  const list = judy.getByRole("list", { name: "Claims in dispute" });
  const entry = list.getByRole("button", { name: new RegExp(contentPattern(claim.contentText)) });
  await entry.click();
  const heading = judy.getByRole("heading", { name: new RegExp(`Claim #${claim.id}\\b`) });
  await expect(heading).toBeVisible();
  await expect(judy.getByTestId("adjudication-sentence")).toContainText(claim.contentText);

  // The analysts side by side, the fields they differ on highlighted; the agreed one pre-filled.
  const table = judy.getByTestId("adjudication-table");
  await expect(table.getByRole("columnheader", { name: /Ana Analyst/ })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: /Ben Analyst/ })).toBeVisible();
  await expect(table.locator("tr[data-disputed]")).toHaveCount(2);
  await expect(table.locator('tr[data-field="verdict"]')).toHaveAttribute("data-disputed", "true");
  await expect(table.locator('tr[data-field="likelihood"]')).not.toHaveAttribute(
    "data-disputed",
    /.*/,
  );
  await expect(judy.getByLabel("Decision: Likelihood")).toHaveValue("likely");

  // Keyboard: the first disputed field (source stance) is current; 2 takes Ben's value and stays
  // there; j moves down field by field (k back up) to the verdict; 2 takes Ben's; s saves.
  const current = table.locator('tr[aria-current="true"]');
  await expect(current).toHaveAttribute("data-field", "sourceStance");
  await judy.keyboard.press("2");
  await expect(judy.getByLabel("Decision: Source stance")).toHaveValue("deny");
  await expect(current).toHaveAttribute("data-field", "sourceStance");
  await judy.keyboard.press("j");
  await expect(current).toHaveAttribute("data-field", "reportingStance");
  await judy.keyboard.press("k");
  await expect(current).toHaveAttribute("data-field", "sourceStance");
  for (const field of ["reportingStance", "likelihood", "analyticConfidence", "credibility"]) {
    await judy.keyboard.press("j");
    await expect(current).toHaveAttribute("data-field", field);
  }
  await judy.keyboard.press("ArrowDown");
  await expect(current).toHaveAttribute("data-field", "verdict");
  await judy.keyboard.press("2");
  await expect(judy.getByLabel("Decision: Verdict")).toHaveValue("refuted");
  await judy.getByLabel("Decision note").fill("Ben's source is first-hand");
  await judy.getByLabel("Decision note").press("Escape");
  await judy.keyboard.press("s");
  await expect(judy.getByRole("status").filter({ hasText: "Saved the decision" })).toContainText(
    `claim #${claim.id}`,
  );

  // Resolved: off the open tab, on the resolved one with the analysts' values beside it.
  await expect(
    list.getByRole("button", { name: new RegExp(contentPattern(claim.contentText)) }),
  ).toHaveCount(0);
  await judy.getByRole("link", { name: /^Resolved/ }).click();
  await expect(judy).toHaveURL(/status=resolved/);
  await judy
    .getByRole("list", { name: "Claims in dispute" })
    .getByRole("button", { name: new RegExp(contentPattern(claim.contentText)) })
    .click();
  await expect(heading).toBeVisible();
  await expect(judy.getByTestId("adjudication-decided")).toContainText(
    "Decided by Judy Adjudicator",
  );
  await expect(judy.getByLabel("Decision: Verdict")).toHaveValue("refuted");
  await expect(
    judy.getByRole("button", { name: "Take Ana Analyst's verdict: Supported" }),
  ).toBeVisible();
  await expect(judy.getByRole("button", { name: "Revise decision" })).toBeVisible();

  // Ana, who submitted, sees the decision beside the analysts' annotations in the claim panel.
  const anaRow = await openClaim(ana, claim, { editor: false });
  const compare = anaRow.getByTestId("annotations-table");
  await expect(compare.getByTestId("annotations-decision")).toHaveText(
    "Decision (Judy Adjudicator)",
  );
  await expect(compare.getByRole("row", { name: /Verdict/ }).getByRole("cell")).toHaveText([
    "Supported",
    "Refuted",
    "Refuted",
  ]);

  // The canonical export carries the decision (the analysts judged the claim without accepting
  // it: it is no reviewed claim of gold, so the export includes unreviewed suggestions).
  await judy.goto("/export?all=1");
  const [download] = await Promise.all([
    judy.waitForEvent("download"),
    judy.getByRole("link", { name: /Download Canonical JSONL/ }).click(),
  ]);
  const lines = readFileSync(await download.path(), "utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as { claim?: { id: number }; adjudicated?: unknown });
  const line = lines.find((l) => l.claim?.id === claim.id);
  expect(line?.adjudicated).toMatchObject({
    adjudicator: { name: "Judy Adjudicator" },
    sourceStance: "deny",
    likelihood: "likely",
    verdict: "refuted",
    note: "Ben's source is first-hand",
    version: 0,
  });
  expect(errors).toEqual([]);
  for (const page of [ana, ben, judy]) await page.context().close();
});

function contentPattern(text: string): string {
  return text.slice(0, 60).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
