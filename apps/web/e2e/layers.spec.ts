/**
 * Issue #12's "done means": two analysts' own layers on the real sample article
 * (../shared/samples/iran-iraq-militias-pause.txt, imported afresh with a stamp so no other spec's
 * decisions are on it; the rule suggester runs on the real text).
 *
 * Ana rejects suggestion X, corrects the registry source of suggestion Y (and accepts it) and adds
 * claim Z by hand; Ben sees none of it; Ben accepts X and Y (keeping Y's source) and adds nothing;
 * both submit (Ben with the header's button after its warning, Ana with Ctrl+Enter), and their
 * layers are final. /agreement shows units for existence and source, and per pair span figures
 * equal to a hand count (written out below over the layers both submitted). /adjudication lists
 * X, Y and Z; Judy decides each from the keyboard; the JSONL export's gold layer has her decisions
 * and, with layers=1, both analysts' versions.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { openClaim, pageAs, query, selectInArticle, watchErrors } from "./support";
import { e2eDbPath, repoRoot } from "./users.mjs";

interface LayerClaim {
  id: number;
  origin: string;
  status: "suggested" | "accepted" | "rejected";
  layer: "proposal" | "analyst" | "gold";
  contentStart: number;
  contentEnd: number;
  contentText: string;
  sourceStart: number | null;
  sourceEnd: number | null;
  cueStart: number | null;
  cueEnd: number | null;
  sourceId: number | null;
  source: { id: number; name: string } | null;
  version: number;
}

interface Layers {
  hidden: boolean;
  layers: {
    analyst: { id: number; name: string } | null;
    submittedAt: string | null;
    claims: LayerClaim[];
  }[];
}

/** Claim Z, made by hand by Ana: a sentence of the sample article. */
const Z_TEXT = "Qaani made the visit quick and did not leave the airport";

/** Imports a stamped copy of the real sample with the worker CLI; returns the article's id. */
function importSample(request: APIRequestContext, stamp: string): Promise<number> {
  const sample = readFileSync(resolve(repoRoot, "../shared/samples/iran-iraq-militias-pause.txt"));
  const dir = mkdtempSync(join(tmpdir(), "claimdesk-e2e-"));
  const file = join(dir, "iran-iraq-militias-pause.txt");
  // Titled "E2E copy …" so that the specs opening the original sample tell them apart.
  writeFileSync(file, `E2E copy ${stamp}\n\n${sample.toString("utf8").trimEnd()}\n`);
  const run = spawnSync("pnpm", ["--dir", repoRoot, "worker", "import", file], {
    env: { ...process.env, CLAIMDESK_DB: e2eDbPath() },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain("Imported 1 article");
  return query<{ items: { id: number }[] }>(request, "article.list", {
    query: stamp,
    limit: 5,
  }).then((list) => {
    expect(list.items).toHaveLength(1);
    return (list.items[0] as { id: number }).id;
  });
}

type Span = { start: number; end: number };

/** The hand count: one-to-one matches, largest overlap first (exact: equal offsets). */
function spanCounts(a: Span[], b: Span[]) {
  const pairs: { i: number; j: number; overlap: number }[] = [];
  for (const [i, x] of a.entries())
    for (const [j, y] of b.entries()) {
      const overlap = Math.min(x.end, y.end) - Math.max(x.start, y.start);
      if (overlap > 0) pairs.push({ i, j, overlap });
    }
  pairs.sort((p, q) => q.overlap - p.overlap || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let overlap = 0;
  for (const p of pairs) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    overlap += 1;
  }
  const rest = [...b];
  let exact = 0;
  for (const x of a) {
    const at = rest.findIndex((y) => y.start === x.start && y.end === x.end);
    if (at >= 0) {
      rest.splice(at, 1);
      exact += 1;
    }
  }
  return { a: a.length, b: b.length, overlap, exact };
}

const pattern = (text: string) => text.slice(0, 60).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Presses a key on the claim's row and waits for the layer write it makes. */
async function keyOnClaim(page: Page, claim: { id: number; articleId: number }, key: string) {
  const row = await openClaim(page, claim);
  await row.locator("[data-claim-toggle]").focus();
  const saved = page.waitForResponse((r) => r.url().includes("claim.update") && r.ok());
  await page.keyboard.press(key);
  await saved;
  return row;
}

test("two analysts' own layers: blind until submitted, agreement on the attribution, adjudication into gold, and the export", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const ana = await pageAs(browser, "ana");
  const ben = await pageAs(browser, "ben");
  const judy = await pageAs(browser, "judy");
  const vic = await pageAs(browser, "vic");
  const errors = [ana, ben, judy, vic].flatMap((p) => watchErrors(p));

  const stamp = `layers${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const articleId = await importSample(ana.request, stamp);
  const initial = await query<{ claims: LayerClaim[] }>(ana.request, "article.byId", {
    id: articleId,
  });
  const suggestions = initial.claims.filter((c) => c.origin !== "analyst");
  expect(suggestions.length).toBeGreaterThanOrEqual(3);
  const zStart = (
    await query<{ article: { text: string } }>(ana.request, "article.byId", { id: articleId })
  ).article.text.indexOf(Z_TEXT);
  expect(zStart).toBeGreaterThan(0);
  const farFromZ = (c: LayerClaim) => c.contentEnd < zStart - 200 || c.contentStart > zStart + 200;
  // Y: a suggestion with a registry source; X: another one, away from Z.
  const y = suggestions.find((c) => c.sourceId !== null && farFromZ(c));
  expect(y, "a suggestion with a registry source").toBeDefined();
  const Y = { ...(y as LayerClaim), articleId };
  const x = suggestions.find(
    (c) =>
      c.id !== Y.id &&
      farFromZ(c) &&
      (c.contentEnd <= Y.contentStart || c.contentStart >= Y.contentEnd),
  );
  expect(x, "a second suggestion").toBeDefined();
  const X = { ...(x as LayerClaim), articleId };
  // The source Ana corrects Y to: another registry source.
  const sources = await query<{ items: { id: number; name: string }[] }>(
    ana.request,
    "source.list",
    { limit: 50 },
  );
  const corrected = sources.items.find(
    (s) => s.id !== Y.sourceId && /^[A-Za-z][A-Za-z .'-]+$/.test(s.name),
  );
  expect(corrected, "another source").toBeDefined();
  const newSource = corrected as { id: number; name: string };

  // ---- Ana: rejects X (r), corrects Y's source and accepts it, makes Z by hand ----
  const anaX = await keyOnClaim(ana, X, "x");
  await expect(anaX).toHaveAttribute("data-status", "rejected");
  const anaY = await openClaim(ana, Y);
  const editor = anaY.getByTestId("claim-editor");
  await editor.getByRole("button", { name: /Change source|Link source/ }).click();
  await editor.getByLabel("Filter sources").fill(newSource.name);
  const linked = ana.waitForResponse((r) => r.url().includes("claim.update") && r.ok());
  await editor
    .getByRole("list", { name: "Matching sources" })
    .getByRole("button", { name: new RegExp(`^${pattern(newSource.name)}`) })
    .first()
    .click();
  await linked;
  await keyOnClaim(ana, Y, "a");
  await ana.goto(`/articles/${articleId}`);
  await expect(ana.getByTestId("article-text")).toBeVisible();
  await selectInArticle(ana, Z_TEXT);
  const created = ana.waitForResponse((r) => r.url().includes("claim.create") && r.ok());
  await ana.getByRole("button", { name: "Create claim" }).click();
  await created;
  const anaView = await query<{ claims: LayerClaim[] }>(ana.request, "article.byId", {
    id: articleId,
  });
  const z = anaView.claims.find((c) => c.contentText === Z_TEXT);
  expect(z, "Ana's hand-made claim").toBeDefined();
  const Z = { ...(z as LayerClaim), articleId };
  expect(anaView.claims.find((c) => c.id === Y.id)?.sourceId).toBe(newSource.id);

  // ---- Ben sees none of it ----
  const benView = await query<{ claims: LayerClaim[]; submittedAt: string | null }>(
    ben.request,
    "article.byId",
    { id: articleId },
  );
  expect(benView.claims.find((c) => c.id === X.id)?.status).toBe("suggested");
  expect(benView.claims.find((c) => c.id === Y.id)?.sourceId).toBe(Y.sourceId);
  expect(benView.claims.some((c) => c.id === Z.id || c.contentText === Z_TEXT)).toBe(false);
  expect((await query<Layers>(ben.request, "article.layers", { id: articleId })).hidden).toBe(true);
  await ben.goto(`/articles/${articleId}`);
  await expect(ben.locator(`[data-testid="claim-row"][data-claim-id="${X.id}"]`)).toHaveAttribute(
    "data-status",
    "suggested",
  );
  await expect(ben.locator(`[data-testid="claim-row"][data-claim-id="${Z.id}"]`)).toHaveCount(0);
  await expect(ben.getByRole("complementary")).not.toContainText(`“${Z_TEXT}”`);
  const benY = await openClaim(ben, Y);
  await expect(benY.getByTestId("claim-layers")).toHaveCount(0);

  // ---- Ben accepts X and Y (keeping Y's source), adds nothing, submits with the button ----
  await keyOnClaim(ben, X, "a");
  await keyOnClaim(ben, Y, "a");
  await ben.getByRole("button", { name: /^Submit article/ }).click();
  const undecided = suggestions.length - 2;
  await expect(ben.getByTestId("submit-warning")).toContainText(
    `${undecided} suggestion${undecided === 1 ? " is" : "s are"} still undecided`,
  );
  await ben.getByRole("button", { name: "Submit now" }).click();
  await expect(ben.getByTestId("article-submitted")).toContainText("your layer is final");
  // Final: no editor, and the server refuses an edit.
  const benXRow = await openClaim(ben, X, { editor: false });
  await expect(benXRow.getByTestId("claim-read-only")).toContainText("final");
  await expect(benXRow.getByTestId("claim-editor")).toHaveCount(0);
  const refused = await ben.request.post("/api/trpc/claim.update", {
    data: { id: X.id, version: 1, patch: { status: "rejected" } },
  });
  expect(refused.status()).toBe(403);
  // Ana has not submitted: Ben sees no other layer yet.
  await expect(benXRow.getByTestId("layers-table")).not.toContainText("Ana Analyst");

  // ---- Ana submits with Ctrl+Enter (asked first), then sees Ben's layer beside hers ----
  const anaXRow = await openClaim(ana, X);
  await anaXRow.locator("[data-claim-toggle]").focus();
  await ana.keyboard.press("Control+Enter");
  await expect(ana.getByTestId("submit-warning")).toContainText("still undecided");
  const submitted = ana.waitForResponse((r) => r.url().includes("article.submit") && r.ok());
  await ana.keyboard.press("Control+Enter");
  await submitted;
  await expect(ana.getByTestId("article-submitted")).toContainText("your layer is final");
  const anaXFinal = await openClaim(ana, X, { editor: false });
  const layersTable = anaXFinal.getByTestId("layers-table");
  await expect(layersTable.getByRole("columnheader", { name: /Ben Analyst/ })).toBeVisible();
  await expect(layersTable.locator('tr[data-row="status"]').getByRole("cell")).toHaveText([
    "Rejected",
    "Accepted",
    /.*/,
  ]);

  // ---- Agreement: existence and source have units; span figures equal the hand count ----
  const analystIds = { ana: 0, ben: 0 };
  const parts = { content: [] as ReturnType<typeof spanCounts>[] };
  const list = await query<{ items: { id: number }[] }>(judy.request, "article.list", {
    limit: 100,
  });
  for (const article of list.items) {
    const layers = await query<Layers>(judy.request, "article.layers", { id: article.id });
    const of = (name: string) =>
      layers.layers.find((l) => l.analyst?.name === name && l.submittedAt !== null);
    const a = of("Ana Analyst");
    const b = of("Ben Analyst");
    if (!a || !b) continue;
    analystIds.ana = a.analyst?.id ?? 0;
    analystIds.ben = b.analyst?.id ?? 0;
    const spans = (l: NonNullable<typeof a>) =>
      l.claims
        .filter((c) => c.status === "accepted" && c.layer === "analyst")
        .map((c) => ({ start: c.contentStart, end: c.contentEnd }));
    parts.content.push(spanCounts(spans(a), spans(b)));
  }
  const sum = parts.content.reduce(
    (s, p) => ({
      a: s.a + p.a,
      b: s.b + p.b,
      overlap: s.overlap + p.overlap,
      exact: s.exact + p.exact,
    }),
    { a: 0, b: 0, overlap: 0, exact: 0 },
  );
  // This article alone: Ana {Y, Z}, Ben {X, Y}: Y matches.
  expect(sum.overlap).toBeGreaterThanOrEqual(1);
  const f1 = (m: number) => ((2 * m) / (sum.a + sum.b)).toFixed(3);

  await vic.goto("/agreement");
  const alpha = vic.getByRole("table", { name: "Alpha per field" });
  for (const field of ["existence", "source"]) {
    const units = alpha.locator(`tr[data-field="${field}"] [data-testid="units"]`);
    await expect(units).not.toHaveText("0");
    expect(Number(await units.textContent())).toBeGreaterThan(0);
  }
  const pairKey =
    analystIds.ana < analystIds.ben
      ? `${analystIds.ana}-${analystIds.ben}`
      : `${analystIds.ben}-${analystIds.ana}`;
  const content = vic
    .getByRole("table", { name: "Span agreement per analyst pair" })
    .locator(`tr[data-pair="${pairKey}"][data-part="content"]`);
  await expect(content.getByTestId("span-matched")).toHaveText(String(sum.overlap));
  await expect(content.getByTestId("span-f1")).toHaveText(f1(sum.overlap));
  await expect(content.getByTestId("span-exact-matched")).toHaveText(String(sum.exact));
  await expect(content.getByTestId("span-exact-f1")).toHaveText(f1(sum.exact));
  await expect(vic.locator("main")).not.toContainText("NaN");

  // ---- Judy decides X, Y and Z on /adjudication, from the keyboard ----
  await judy.goto("/adjudication");
  const queue = judy.getByRole("list", { name: "Claims in dispute" });
  for (const claim of [X, Y, Z])
    await expect(
      queue.getByRole("button", { name: new RegExp(pattern(claim.contentText)) }),
    ).toBeVisible();
  const table = judy.getByTestId("adjudication-table");
  /** Opens a claim and returns the digit that takes `name`'s value. */
  const open = async (claim: LayerClaim, name: string) => {
    await queue.getByRole("button", { name: new RegExp(pattern(claim.contentText)) }).click();
    await expect(
      judy.getByRole("heading", { name: new RegExp(`Claim #${claim.id}\\b`) }),
    ).toBeVisible();
    const headers = await table.getByRole("columnheader").allTextContents();
    const analysts = headers.slice(1, -1);
    const index = analysts.findIndex((h) => h.includes(name));
    expect(index, `${name} in ${headers.join(" | ")}`).toBeGreaterThanOrEqual(0);
    return String(index + 1);
  };
  const current = table.locator('tr[aria-current="true"]');
  const save = async (claim: LayerClaim) => {
    await judy.keyboard.press("s");
    const notice = judy
      .getByRole("status")
      .filter({ hasText: `Saved the decision on claim #${claim.id}` });
    await expect(notice).toBeVisible();
    await expect(notice).not.toContainText("still to decide");
  };

  // X: is it a claim? Ben's yes. The digit decides the current field and stays on it.
  let digit = await open(X, "Ben Analyst");
  await expect(current).toHaveAttribute("data-field", "existence");
  await expect(table.locator("tr[data-disputed]").first()).toHaveAttribute(
    "data-field",
    "existence",
  );
  await judy.keyboard.press(digit);
  await expect(judy.getByTestId("decision-existence")).toHaveText("Yes, a claim");
  await expect(current).toHaveAttribute("data-field", "existence");
  // j moves to the next field, k back.
  await judy.keyboard.press("j");
  await expect(current).not.toHaveAttribute("data-field", "existence");
  await judy.keyboard.press("k");
  await expect(current).toHaveAttribute("data-field", "existence");
  await expect(judy.getByTestId("adjudication-progress")).toContainText(
    "Every disputed field has a decision",
  );
  await save(X);

  // Y: the registry source. Ana's correction.
  digit = await open(Y, "Ana Analyst");
  await expect(current).toHaveAttribute("data-field", "sourceId");
  await expect(judy.getByTestId("decision-sourceId")).toHaveText("undecided");
  await judy.keyboard.press(digit);
  await expect(judy.getByTestId("decision-sourceId")).toHaveText(newSource.name);
  await save(Y);

  // Z: Ana's hand-made claim, which Ben did not make: no claim (Ben's "no").
  digit = await open(Z, "Ben Analyst");
  await expect(current).toHaveAttribute("data-field", "existence");
  await judy.keyboard.press(digit);
  await expect(judy.getByTestId("decision-existence")).toHaveText("No claim");
  await save(Z);
  for (const claim of [X, Y, Z])
    await expect(
      queue.getByRole("button", { name: new RegExp(pattern(claim.contentText)) }),
    ).toHaveCount(0);

  // ---- The JSONL export: gold has the decisions; with layers, both analysts' versions ----
  await judy.goto("/export");
  const layersBox = judy.getByLabel(/Include every analyst’s layer/);
  await layersBox.click();
  await expect(layersBox).toBeChecked();
  const link = judy.getByRole("link", { name: /Download Canonical JSONL/ });
  await expect(link).toHaveAttribute("href", /layers=1/);
  type Line = {
    claim?: { id: number; status: string };
    source?: { id: number } | null;
    adjudicated?: { decidedFields: string[] } | null;
    inGoldLayer?: boolean;
    layers?: { analyst: { name: string } | null; status: string; source: { id: number } | null }[];
  };
  const read = async (href: string) => {
    const res = await judy.request.get(href);
    expect(res.status()).toBe(200);
    return (await res.text())
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Line);
  };
  const gold = await read("/api/export?format=jsonl");
  const line = (lines: Line[], id: number) => lines.find((l) => l.claim?.id === id);
  expect(line(gold, X.id)?.claim?.status).toBe("accepted");
  expect(line(gold, X.id)?.adjudicated?.decidedFields).toContain("existence");
  expect(line(gold, Y.id)?.claim?.status).toBe("accepted");
  expect(line(gold, Y.id)?.source?.id).toBe(newSource.id);
  expect(line(gold, Y.id)?.adjudicated?.decidedFields).toContain("sourceId");
  const goldZ = line(gold, Z.id);
  expect(goldZ === undefined || goldZ.claim?.status === "rejected").toBe(true);

  const withLayers = await read((await link.getAttribute("href")) as string);
  const layerOf = (id: number, name: string) =>
    line(withLayers, id)?.layers?.find((l) => l.analyst?.name === name);
  expect(layerOf(X.id, "Ana Analyst")?.status).toBe("rejected");
  expect(layerOf(X.id, "Ben Analyst")?.status).toBe("accepted");
  expect(layerOf(Y.id, "Ana Analyst")?.source?.id).toBe(newSource.id);
  expect(layerOf(Y.id, "Ben Analyst")?.source?.id).toBe(Y.sourceId);
  expect(layerOf(Z.id, "Ana Analyst")?.status).toBe("accepted");
  expect(layerOf(Z.id, "Ben Analyst")).toBeUndefined();

  // A viewer reads the gold layer on the article page: X accepted, Y with Ana's source.
  const vicY = await openClaim(vic, Y, { editor: false });
  await expect(vic.locator(`[data-testid="claim-row"][data-claim-id="${X.id}"]`)).toHaveAttribute(
    "data-status",
    "accepted",
  );
  const vicTable = vicY.getByTestId("layers-table");
  await expect(vicTable.getByRole("columnheader", { name: "Gold" })).toBeVisible();
  await expect(vicTable.locator('tr[data-row="source"]').getByRole("cell")).toHaveText([
    newSource.name,
  ]);
  await expect(vicTable.locator('tr[data-row="basis"]').getByRole("cell")).toHaveText([
    "adjudicated",
  ]);

  expect(errors).toEqual([]);
  for (const page of [ana, ben, judy, vic]) await page.context().close();
});
