/**
 * Issue #6 end to end: a team annotates the same claims. An article of this spec's own goes in
 * through the worker's import command (so no other spec's annotations touch its claims); each
 * analyst accepts four of its suggested claims and links them to a new proposition in their own
 * layer. Ana and Ben each judge them in the claim panel (source stance, likelihood; a verdict on
 * one) with some agreements and some disagreements, and submit the article with Ctrl+Enter. /agreement scoped to the proposition shows Krippendorff's alpha (nominal
 * for source stance, ordinal for likelihood) and Cohen's kappa for the pair equal to the published
 * formulas written out below (not imported from @claimdesk/agreement). Judy resolves the claim they
 * disagree most on, on /adjudication; the canonical JSONL export carries her decision in
 * `adjudicated`, and the FEVER export labels the claim with her verdict.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import {
  cohen,
  krippendorff,
  LIKELIHOOD_ORDER,
  nominal,
  ordinal,
  type V,
} from "./agreement-formulas";
import { mutate, openClaim, pageAs, query, watchErrors } from "./support";
import { e2eDbPath, repoRoot } from "./users.mjs";

const dbPath = e2eDbPath();

// ---- The data ----

/** What each analyst picks for the four claims, in article order. Claim 1 is the big dispute. */
const ANA = {
  sourceStance: ["support", "deny", "comment", "support"],
  likelihood: ["likely", "unlikely", "very_likely", "roughly_even_chance"],
  verdict: [null, "supported", null, null],
};
const BEN = {
  sourceStance: ["support", "support", "comment", "query"],
  likelihood: ["likely", "very_unlikely", "likely", "roughly_even_chance"],
  verdict: [null, "refuted", null, null],
};
const DISPUTED = 1;
/** Judy's decision on the disputed claim: Ben's stance and verdict, Ana's likelihood. */
const DECISION = { sourceStance: "support", likelihood: "unlikely", verdict: "refuted" };

/** The article, stamped so that each run imports a new one (the import skips duplicates). */
const article = (stamp: string) =>
  [
    `Tarnwick harbour plan divides the port board ${stamp}`,
    "",
    `The port board of Tarnwick met on Tuesday (sitting ${stamp}) to weigh a plan to deepen the harbour.`,
    "",
    "“The dredging will pay for itself within ten years,” said harbour master Ilse Varn, who drew up the plan.",
    "",
    "Fishermen’s guild chair Roald Pettick said the dredging would ruin the oyster beds north of the breakwater.",
    "",
    "The board’s engineer, Mara Quist, said the channel could be deepened without touching the oyster beds.",
    "",
    "Councillor Henrik Dalby claimed the board had hidden a survey that doubled the cost estimate.",
    "",
    "“No such survey exists,” a board spokesman said after the meeting.",
    "",
  ].join("\n");

interface ClaimRow {
  id: number;
  articleId: number;
  contentStart: number;
  contentText: string;
  version: number;
}

/** Imports the article with the worker CLI into the e2e database; returns its first four claims. */
async function importArticle(request: APIRequestContext, stamp: string): Promise<ClaimRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "claimdesk-e2e-"));
  const file = join(dir, "tarnwick-harbour.txt");
  writeFileSync(file, article(stamp));
  const run = spawnSync("pnpm", ["--dir", repoRoot, "worker", "import", file], {
    env: { ...process.env, CLAIMDESK_DB: dbPath },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain("Imported 1 article");
  const list = await query<{ items: { id: number; title: string }[] }>(request, "article.list", {
    query: "Tarnwick",
    limit: 200,
  });
  const imported = list.items.find((a) => a.title.includes(stamp));
  expect(imported, "the imported article is listed").toBeDefined();
  const { claims } = await query<{ claims: ClaimRow[] }>(request, "article.byId", {
    id: imported?.id,
  });
  const sorted = [...claims].sort((x, y) => x.contentStart - y.contentStart);
  expect(sorted.length).toBeGreaterThanOrEqual(4);
  return sorted.slice(0, 4);
}

/** Judges one claim in the panel, each choice saved before the next. */
async function annotate(page: Page, claim: ClaimRow, values: Record<string, string | null>) {
  const row = await openClaim(page, claim);
  const editor = row.getByTestId("claim-editor");
  for (const [label, value] of Object.entries(values)) {
    if (value === null) continue;
    const saved = page.waitForResponse((r) => r.url().includes("annotation.upsert") && r.ok());
    await editor.getByLabel(label, { exact: true }).selectOption(value);
    await saved;
  }
  await expect(row.getByTestId("annotation-submit")).toHaveAttribute("data-submitted", "false");
}

/** Submits the analyst's layer of the article: Ctrl+Enter asks, Ctrl+Enter again submits. */
async function submitArticle(page: Page, claim: ClaimRow) {
  const row = await openClaim(page, claim);
  await row.locator("[data-claim-toggle]").focus();
  await page.keyboard.press("Control+Enter");
  await expect(page.getByTestId("submit-warning")).toBeVisible();
  const submitted = page.waitForResponse((r) => r.url().includes("article.submit") && r.ok());
  await page.keyboard.press("Control+Enter");
  await submitted;
  await expect(page.getByTestId("article-submitted")).toContainText("your layer is final");
}

function analystValues(who: typeof ANA, i: number) {
  return {
    "Source stance": who.sourceStance[i] ?? null,
    Likelihood: who.likelihood[i] ?? null,
    Verdict: who.verdict[i] ?? null,
  };
}

function contentPattern(text: string): string {
  return text.slice(0, 60).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test("two analysts annotate the same claims, agreement matches the formulas, an adjudicator decides and the exports carry it", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const ana = await pageAs(browser, "ana");
  const ben = await pageAs(browser, "ben");
  const judy = await pageAs(browser, "judy");
  const vic = await pageAs(browser, "vic");
  const errors = [ana, ben, judy, vic].flatMap((p) => watchErrors(p));

  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const claims = await importArticle(ana.request, stamp);
  // A proposition of this spec's own scopes the Agreement page to these four claims.
  const propositionText = `Tarnwick harbour dredging ${stamp}`;
  const proposition = await mutate<{ id: number }>(ana.request, "proposition.create", {
    text: propositionText,
  });
  // Each analyst accepts the claims and links the proposition, in their own layer.
  for (const page of [ana, ben])
    for (const claim of claims)
      await mutate(page.request, "claim.update", {
        id: claim.id,
        version: claim.version,
        patch: { status: "accepted", propositionId: proposition.id },
      });

  // Each analyst judges every claim in the panel, then submits the article.
  for (const [i, claim] of claims.entries()) await annotate(ana, claim, analystValues(ANA, i));
  await submitArticle(ana, claims[0] as ClaimRow);
  for (const [i, claim] of claims.entries()) await annotate(ben, claim, analystValues(BEN, i));
  await submitArticle(ben, claims[0] as ClaimRow);

  // After submitting, Ben sees Ana's judgement of the disputed claim beside his, differences marked.
  const disputed = claims[DISPUTED] as ClaimRow;
  const benRow = await openClaim(ben, disputed, { editor: false });
  const table = benRow.getByTestId("annotations-table");
  await expect(table.getByRole("row", { name: /Source stance/ })).toContainText("analysts differ");

  // ---- Agreement, computed independently ----
  const units = (field: keyof typeof ANA) =>
    ANA[field].map((v, i) => [v, BEN[field][i] ?? null] as V[]);
  const stanceUnits = units("sourceStance");
  const likelyUnits = units("likelihood");
  const expected = {
    stanceAlpha: krippendorff(stanceUnits, nominal),
    likelyAlpha: krippendorff(likelyUnits, ordinal(likelyUnits, LIKELIHOOD_ORDER)),
    stanceKappa: cohen(ANA.sourceStance, BEN.sourceStance),
    likelyKappa: cohen(ANA.likelihood, BEN.likelihood),
  };
  // Not degenerate: a wrong formula (or a wrong metric) could not match by accident.
  expect(expected.stanceAlpha).toBeGreaterThan(0.1);
  expect(expected.stanceAlpha).toBeLessThan(0.9);
  expect(expected.stanceKappa.kappa).not.toBeCloseTo(expected.stanceAlpha, 2);
  expect(expected.likelyAlpha).not.toBeCloseTo(krippendorff(likelyUnits, nominal), 2);

  await vic.goto(`/agreement?proposition=${proposition.id}`);
  await expect(vic.getByRole("heading", { name: "Agreement", level: 1 })).toBeVisible();
  await expect(vic.getByRole("link", { name: propositionText })).toBeVisible();
  const alphaTable = vic.getByRole("table", { name: "Alpha per field" });
  const stanceRow = alphaTable.locator('tr[data-field="sourceStance"]');
  await expect(stanceRow.locator('[data-testid="alpha"]')).toHaveText(
    expected.stanceAlpha.toFixed(3),
  );
  await expect(stanceRow.locator('[data-testid="units"]')).toHaveText(String(claims.length));
  await expect(stanceRow.locator('[data-testid="coders"]')).toHaveText("2");
  await expect(stanceRow).toContainText("nominal");
  const likelyRow = alphaTable.locator('tr[data-field="likelihood"]');
  await expect(likelyRow.locator('[data-testid="alpha"]')).toHaveText(
    expected.likelyAlpha.toFixed(3),
  );
  await expect(likelyRow).toContainText("ordinal");

  const pair = vic
    .getByRole("table", { name: "Cohen's kappa per analyst pair" })
    .locator("tr[data-pair]")
    .filter({ has: vic.getByRole("rowheader", { name: "Ana Analyst & Ben Analyst" }) });
  await expect(pair).toHaveCount(1);
  await expect(pair.locator('td[data-field="sourceStance"] [data-testid="kappa"]')).toHaveText(
    expected.stanceKappa.kappa.toFixed(3),
  );
  await expect(pair.locator('td[data-field="sourceStance"] [data-testid="items"]')).toHaveText(
    `n = ${expected.stanceKappa.n}`,
  );
  await expect(pair.locator('td[data-field="likelihood"] [data-testid="kappa"]')).toHaveText(
    expected.likelyKappa.kappa.toFixed(3),
  );
  await expect(vic.locator("main")).not.toContainText("NaN");

  // ---- Judy adjudicates the disputed claim ----
  await judy.goto("/adjudication");
  await expect(judy.getByRole("heading", { name: "Adjudication" })).toBeVisible();
  const list = judy.getByRole("list", { name: "Claims in dispute" });
  await list
    .getByRole("button", { name: new RegExp(contentPattern(disputed.contentText)) })
    .click();
  await expect(
    judy.getByRole("heading", { name: new RegExp(`Claim #${disputed.id}\\b`) }),
  ).toBeVisible();
  const adjudication = judy.getByTestId("adjudication-table");
  await expect(adjudication.getByRole("columnheader", { name: /Ana Analyst/ })).toBeVisible();
  await expect(adjudication.getByRole("columnheader", { name: /Ben Analyst/ })).toBeVisible();
  for (const field of ["sourceStance", "likelihood", "verdict"])
    await expect(adjudication.locator(`tr[data-field="${field}"]`)).toHaveAttribute(
      "data-disputed",
      "true",
    );
  await judy.getByLabel("Decision: Source stance").selectOption(DECISION.sourceStance);
  await judy.getByLabel("Decision: Likelihood").selectOption(DECISION.likelihood);
  await judy.getByLabel("Decision: Verdict").selectOption(DECISION.verdict);
  await judy.getByRole("button", { name: "Save decision" }).click();
  await expect(judy.getByRole("status").filter({ hasText: "Saved the decision" })).toContainText(
    `claim #${disputed.id}`,
  );

  // ---- The exports carry the decision ----
  const jsonl = await judy.request.get("/api/export?format=jsonl");
  expect(jsonl.status()).toBe(200);
  const lines = (await jsonl.text())
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as { claim?: { id: number }; adjudicated?: unknown });
  const line = lines.find((l) => l.claim?.id === disputed.id);
  expect(line?.adjudicated).toMatchObject({
    adjudicator: { name: "Judy Adjudicator" },
    ...DECISION,
  });
  // The claims nobody adjudicated carry no decision.
  for (const claim of claims.filter((c) => c.id !== disputed.id))
    expect(lines.find((l) => l.claim?.id === claim.id)?.adjudicated ?? null).toBeNull();

  const fever = await judy.request.get("/api/export?format=fever");
  expect(fever.status()).toBe(200);
  const records = (await fever.text())
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: number; label: string; labelFrom: Record<string, unknown> });
  expect(records.find((r) => r.id === disputed.id)).toMatchObject({
    label: "REFUTES",
    labelFrom: { rule: "adjudicated", adjudicator: "Judy Adjudicator" },
  });

  expect(errors).toEqual([]);
  for (const page of [ana, ben, judy, vic]) await page.context().close();
});
