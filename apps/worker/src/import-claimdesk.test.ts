/**
 * The lossless round trip: a real corpus (the sample, the demo articles and 300 Reuters-21578
 * stories through the ingest pipeline) plus analysts' work added programmatically, exported as
 * canonical JSONL (one file, and a split folder), imported into an empty database: the same
 * articles, claims, sources, propositions, annotations and adjudicators' decisions, compared field
 * by field except ids — articles with no claims and sources and propositions no claim uses
 * included; and exporting the imported database, importing that and exporting again gives
 * byte-identical files.
 */
import { createHash } from "node:crypto";
import {
  createReadStream,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";
import {
  adjudicate,
  adjudications,
  annotations,
  articleSubmissions,
  articles,
  claimDisputes,
  claimLayers,
  claims,
  createClaim,
  createSource,
  type Db,
  findRepoRoot,
  insertProcessedArticles,
  propositions,
  sources,
  submitArticle,
  updateClaim,
  upsertAnnotation,
  users,
} from "@claimdesk/db";
import { createTestDb, insertTestArticle, spanOf } from "@claimdesk/db/testing";
import { exportChunks, writeExport } from "@claimdesk/export";
import { processPlainText } from "@claimdesk/ingest";
import type { TProcessedArticle } from "@claimdesk/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importClaimdeskExport } from "./import-claimdesk";

const repoRoot = findRepoRoot(import.meta.dirname);
const REUTERS = join(repoRoot, "../shared/corpora/reuters-21578/reuters-21578.jsonl.gz");
const QUIET = "Nothing happened today and nobody said anything about it 😴.";
const EMOJI = 'Officials 😀 said "the 𝔐osul dam is safe" on Tuesday, a witness told Reuters 👀.';

async function loadCorpus(): Promise<TProcessedArticle[]> {
  const out: TProcessedArticle[] = [];
  const sample = join(repoRoot, "../shared/samples/iran-iraq-militias-pause.txt");
  out.push(processPlainText(readFileSync(sample, "utf8"), { filename: sample }));
  const demo = join(repoRoot, "demo/articles");
  for (const name of readdirSync(demo).sort()) {
    if (!/\.(txt|md)$/.test(name)) continue;
    out.push(processPlainText(readFileSync(join(demo, name), "utf8"), { filename: name }));
  }
  const lines = createInterface({ input: createReadStream(REUTERS).pipe(createGunzip()) });
  let n = 0;
  for await (const line of lines) {
    const record = JSON.parse(line) as { newid: number; title?: string; body?: string };
    if (!record.body || record.body.length < 400) continue;
    out.push(
      processPlainText(record.body, {
        title: record.title,
        externalId: `reuters-${record.newid}`,
        publisher: "Reuters",
      }),
    );
    if (++n >= 300) break;
  }
  lines.close();
  return out;
}

/**
 * Adds what a team does, in layers: Ana and Ben decide on suggestions in their own layers (accept,
 * reject, proposition, quote type), judge claims (annotations with tags and notes), add hand-made
 * claims (Ana's nested pair, Ben's overlapping one), edit the registry, and submit some articles
 * each (the others stay drafts); then Judy decides some disputes (one decision revised).
 */
function addAnalystWork(db: Db): void {
  const ana = db.insert(users).values({ name: "Ana Analyst" }).returning().get().id;
  const ben = db.insert(users).values({ name: "Ben Reviewer" }).returning().get().id;
  const judy = db
    .insert(users)
    .values({ name: "Judy Adjudicator", role: "adjudicator" })
    .returning()
    .get().id;
  const p1 = db.insert(propositions).values({ text: "Prices will rise" }).returning().get().id;
  const p2 = db.insert(propositions).values({ text: "The dam is safe" }).returning().get().id;
  const all = db
    .select({ id: claims.id, sourceId: claims.sourceId, articleId: claims.articleId })
    .from(claims)
    .orderBy(claims.id)
    .all();
  for (const [i, c] of all.entries()) {
    if (i % 3 === 0) {
      updateClaim(
        db,
        {
          id: c.id,
          version: 0,
          patch: {
            status: i % 2 === 0 ? "accepted" : "rejected",
            ...(i % 9 === 0 ? { propositionId: p1 } : {}),
          },
        },
        ana,
      );
      upsertAnnotation(db, {
        claimId: c.id,
        analystId: ana,
        values: {
          sourceStance: "support",
          likelihood: "likely",
          verdict: i % 2 === 0 ? "supported" : "refuted",
          credibility: "3",
          note: i % 6 === 0 ? 'Has "quotes",\nand a newline' : null,
          tags: i % 4 === 0 ? ["econ", "check"] : [],
        },
      });
    }
    if (i % 5 === 0) {
      // Ben accepts every other one he judges, as a direct quote (Ana left the rule's type).
      if (i % 10 === 0)
        updateClaim(
          db,
          { id: c.id, version: 0, patch: { status: "accepted", quoteType: "direct" } },
          ben,
        );
      upsertAnnotation(db, {
        claimId: c.id,
        analystId: ben,
        values: { reportingStance: "distancing", analyticConfidence: "high", tags: ["ben"] },
      });
    }
    if (i % 7 === 0 && c.sourceId !== null)
      db.$client
        .prepare(
          "update sources set reliability = 'B', country = 'US', affiliation = 'government', aliases = ? where id = ?",
        )
        .run(JSON.stringify([`alias-${c.sourceId}`]), c.sourceId);
  }
  const article = insertTestArticle(db, { text: EMOJI, title: "Dam", publisher: "Wire, Inc." });
  const parent = createClaim(
    db,
    {
      articleId: article.id,
      content: spanOf(EMOJI, "the 𝔐osul dam is safe"),
      sourceMention: spanOf(EMOJI, "Officials"),
      cue: spanOf(EMOJI, "said"),
      propositionId: p2,
      quoteType: "direct",
    },
    ana,
  );
  const child = createClaim(
    db,
    {
      articleId: article.id,
      content: spanOf(EMOJI, 'Officials 😀 said "the 𝔐osul dam is safe" on Tuesday'),
      sourceMention: spanOf(EMOJI, "a witness"),
      cue: spanOf(EMOJI, "told"),
    },
    ana,
  );
  updateClaim(db, { id: child.id, version: 0, patch: { parentClaimId: parent.id } }, ana);
  // Ben's own claim on the same words (one unit with Ana's parent), linked to no proposition.
  const bens = createClaim(
    db,
    {
      articleId: article.id,
      content: spanOf(EMOJI, "the 𝔐osul dam is safe"),
      sourceMention: spanOf(EMOJI, "Officials"),
      cue: spanOf(EMOJI, "said"),
      quoteType: "direct",
    },
    ben,
  );
  upsertAnnotation(db, {
    claimId: bens.id,
    analystId: ben,
    values: { verdict: "not_enough_info" },
  });
  // Submissions: Ana every other article, Ben every third, both the dam article.
  const articleIds = [...new Set(all.map((c) => c.articleId))];
  for (const [k, articleId] of articleIds.entries()) {
    if (k % 2 === 0) submitArticle(db, { articleId, analystId: ana });
    if (k % 3 === 0) submitArticle(db, { articleId, analystId: ben });
  }
  for (const analystId of [ana, ben]) submitArticle(db, { articleId: article.id, analystId });
  // Judy decides every other open dispute (every field in dispute), and the dam claim's
  // proposition; one decision is revised. Ana's nested child stays disputed (Ben did not make it).
  const open = db
    .select()
    .from(claimDisputes)
    .all()
    .filter((d) => d.open);
  let revised = false;
  for (const [k, dispute] of open.entries()) {
    if (k % 2 === 1 && dispute.claimId !== parent.id) continue;
    if (dispute.claimId === child.id) continue;
    const first = adjudicate(
      db,
      {
        claimId: dispute.claimId,
        values: {
          sourceStance: "comment",
          reportingStance: "distancing",
          likelihood: k % 4 === 0 ? "unlikely" : null,
          analyticConfidence: "moderate",
          credibility: "4",
          verdict: "refuted",
        },
        attribution: {
          status: "accepted",
          quoteType: "direct",
          propositionId: dispute.claimId === parent.id ? p2 : null,
        },
        decidedFields: dispute.fields,
        note: k % 4 === 0 ? 'Judy: "no",\nreally' : null,
        version: null,
      },
      judy,
    );
    if (!revised) {
      revised = true;
      adjudicate(
        db,
        {
          claimId: dispute.claimId,
          values: { ...first, verdict: "not_enough_info" },
          attribution: { status: "accepted", quoteType: "direct", propositionId: null },
          decidedFields: dispute.fields,
          note: "revised",
          version: first.version,
        },
        judy,
      );
    }
  }
  // What no claim carries: exported as article / source / proposition lines when unfiltered.
  insertTestArticle(db, { text: QUIET, title: "Quiet day", publisher: "Wire, Inc." });
  createSource(
    db,
    { name: "Unquoted Ministry", aliases: ["UM"], kind: "named_organization", country: "FR" },
    null,
  );
  db.insert(propositions).values({ text: "Nobody has claimed this yet" }).run();
}

/** Everything the round trip must keep, keyed by natural keys instead of autoincrement ids. */
function snapshot(db: Db) {
  const articleRows = db.select().from(articles).all();
  const shaOf = new Map(articleRows.map((a) => [a.id, a.textSha256]));
  const sourceRows = new Map(
    db
      .select()
      .from(sources)
      .all()
      .map((s) => [s.id, s]),
  );
  const propositionRows = new Map(
    db
      .select()
      .from(propositions)
      .all()
      .map((p) => [p.id, p.text]),
  );
  const userNames = new Map(
    db
      .select()
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  );
  const claimRows = db.select().from(claims).all();
  const claimById = new Map(claimRows.map((c) => [c.id, c]));
  const claimKey = (id: number | null) => {
    const c = id === null ? undefined : claimById.get(id);
    return c ? [shaOf.get(c.articleId), c.contentStart, c.contentEnd, c.origin] : null;
  };
  const sourceName = (id: number | null) => (id === null ? null : (sourceRows.get(id)?.name ?? id));
  const layersByClaim = new Map<number, unknown[]>();
  for (const l of db.select().from(claimLayers).all()) {
    const {
      id: _id,
      claimId,
      articleId: _article,
      analystId,
      sourceId,
      propositionId,
      parentClaimId,
      ...rest
    } = l;
    const list = layersByClaim.get(claimId) ?? [];
    list.push({
      ...rest,
      analyst: analystId === null ? null : userNames.get(analystId),
      source: sourceName(sourceId),
      proposition: propositionId === null ? null : propositionRows.get(propositionId),
      parent: claimKey(parentClaimId),
    });
    layersByClaim.set(claimId, list);
  }
  const disputeByClaim = new Map(
    db
      .select()
      .from(claimDisputes)
      .all()
      .map((d) => [d.claimId, { fields: d.fields, open: d.open }]),
  );
  const adjudicationByClaim = new Map<number, unknown>();
  for (const d of db.select().from(adjudications).all()) {
    const { id: _id, claimId, adjudicatorId, ...rest } = d;
    adjudicationByClaim.set(claimId, { ...rest, adjudicator: userNames.get(adjudicatorId) });
  }
  const annotationsByClaim = new Map<number, { analyst: string | undefined }[]>();
  for (const a of db.select().from(annotations).orderBy(annotations.id).all()) {
    const { id: _id, claimId, analystId, ...rest } = a;
    const list = annotationsByClaim.get(claimId) ?? [];
    list.push({ ...rest, analyst: userNames.get(analystId) });
    annotationsByClaim.set(claimId, list);
  }
  const claimSnapshots = claimRows.map((c) => {
    const {
      id: _id,
      articleId,
      sourceId,
      parentClaimId,
      propositionId,
      createdBy: _by,
      ...rest
    } = c;
    const parent = parentClaimId === null ? null : claimById.get(parentClaimId);
    const source = sourceId === null ? null : sourceRows.get(sourceId);
    return {
      ...rest,
      article: shaOf.get(articleId),
      parent: parent ? [parent.contentStart, parent.contentEnd, parent.origin] : null,
      proposition: propositionId === null ? null : propositionRows.get(propositionId),
      source: source
        ? {
            name: source.name,
            aliases: source.aliases,
            kind: source.kind,
            affiliation: source.affiliation,
            country: source.country,
            reliability: source.reliability,
          }
        : null,
      // By analyst name: an import stores a claim's annotations in its own analysts' order.
      annotations: (annotationsByClaim.get(c.id) ?? []).sort((x, y) =>
        String(x.analyst).localeCompare(String(y.analyst)),
      ),
      adjudication: adjudicationByClaim.get(c.id) ?? null,
      layers: (layersByClaim.get(c.id) ?? [])
        .map((l) => JSON.stringify(l))
        .sort()
        .map((l) => JSON.parse(l) as unknown),
      dispute: disputeByClaim.get(c.id) ?? null,
    };
  });
  const key = (c: { article?: string; contentStart: number; contentEnd: number; origin: string }) =>
    `${c.article}:${c.contentStart}:${c.contentEnd}:${c.origin}`;
  claimSnapshots.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const articleSnapshots = articleRows
    .map(({ id: _id, importJobId: _job, previousVersionId: _prev, ...rest }) => rest)
    .sort((a, b) => (a.textSha256 < b.textSha256 ? -1 : 1));
  const sourceSnapshots = [...sourceRows.values()]
    .filter((s) => s.mergedIntoId === null)
    .map((s) => [s.name, s.aliases, s.kind, s.affiliation, s.country, s.reliability])
    .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
  const submissions = db
    .select()
    .from(articleSubmissions)
    .all()
    .map((r) => [shaOf.get(r.articleId), userNames.get(r.analystId), r.submittedAt.toISOString()])
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  return {
    articles: articleSnapshots,
    claims: claimSnapshots,
    submissions,
    sources: sourceSnapshots,
    propositions: [...propositionRows.values()].sort(),
  };
}

/**
 * An export's lines with the database's own ids taken out (claim, article, source, proposition,
 * annotation and analyst ids, and parents by id), sorted: what two databases holding the same
 * data export alike.
 */
function withoutIds(text: string): string[] {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => k !== "id" && k !== "parentClaimId")
        .map(([k, v]) => [k, strip(v)]),
    );
  };
  return text
    .trimEnd()
    .split("\n")
    .map((l) => JSON.stringify(strip(JSON.parse(l))))
    .sort();
}

let source: Db;
let dir: string;
beforeAll(async () => {
  source = createTestDb();
  const corpus = await loadCorpus();
  for (let i = 0; i < corpus.length; i += 100)
    insertProcessedArticles(source, null, corpus.slice(i, i + 100));
  addAnalystWork(source);
  dir = mkdtempSync(join(tmpdir(), "claimdesk-roundtrip-"));
}, 120_000);
afterAll(() => {
  source.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Export → import → export → import → export. The first import holds what the first export did
 * (compared by snapshot, ids aside: an import numbers its rows anew); from then on it is a fixed
 * point: the second and third exports are byte-identical.
 */
async function roundTrip(layers: boolean, name: string): Promise<{ first: string; imported: Db }> {
  const file = (n: number) => join(dir, `${name}-${n}.jsonl`);
  const exportTo = (db: Db, n: number) =>
    writeExport(db, { format: "jsonl", filter: {}, out: file(n), claimdeskVersion: "t", layers });
  await exportTo(source, 1);
  const imported = createTestDb();
  const summary = await importClaimdeskExport(imported, [file(1)]);
  expect(summary.failed).toEqual([]);
  await exportTo(imported, 2);
  const again = createTestDb();
  expect((await importClaimdeskExport(again, [file(2)])).failed).toEqual([]);
  await exportTo(again, 3);
  again.$client.close();
  const second = readFileSync(file(2), "utf8");
  const third = readFileSync(file(3), "utf8");
  if (third !== second) {
    // For a readable failure: the first line that differs.
    const a = second.split("\n");
    const b = third.split("\n");
    const at = a.findIndex((l, i) => l !== b[i]);
    expect({ line: at, text: b[at] }).toEqual({ line: at, text: a[at] });
  }
  expect(third === second).toBe(true);
  expect(second.length).toBeGreaterThan(100_000);
  return { first: readFileSync(file(1), "utf8"), imported };
}

describe("import --format claimdesk", { timeout: 120_000 }, () => {
  it("has the team's work to round-trip: layers, submissions, a hand-made claim, disputed and adjudicated claims", () => {
    const before = snapshot(source);
    expect(before.claims.length).toBeGreaterThan(300);
    expect(before.claims.filter((c) => c.annotations.length > 1).length).toBeGreaterThan(10);
    const layerOf = (c: (typeof before.claims)[number], who: string) =>
      c.layers.some((l) => (l as { analyst: string | null }).analyst === who);
    expect(
      before.claims.filter((c) => layerOf(c, "Ana Analyst") && layerOf(c, "Ben Reviewer")).length,
    ).toBeGreaterThan(5);
    expect(before.submissions.length).toBeGreaterThan(50);
    expect(before.claims.some((c) => c.origin === "analyst")).toBe(true);
    expect(before.claims.filter((c) => c.dispute?.open === true).length).toBeGreaterThan(0);
    const decided = before.claims.filter((c) => c.adjudication !== null);
    expect(decided.length).toBeGreaterThan(3);
    expect(decided.some((c) => JSON.stringify(c.adjudication).includes('"version":1'))).toBe(true);
    expect(before.claims.filter((c) => c.dispute?.open === false).length).toBeGreaterThan(0);
    // A hand-made claim in gold (adjudicated), and one in open dispute.
    const gold = (c: (typeof before.claims)[number]) =>
      c.layers.some((l) => (l as { kind: string }).kind === "gold");
    expect(before.claims.some((c) => c.origin === "analyst" && gold(c))).toBe(true);
    expect(before.claims.some((c) => c.origin === "analyst" && c.dispute?.open === true)).toBe(
      true,
    );
    expect(before.claims.some((c) => c.parent !== null)).toBe(true);
    // An article with no claims, a source and a proposition no claim uses are kept too.
    const sha = createHash("sha256").update(QUIET).digest("hex");
    expect(before.articles.some((a) => a.textSha256 === sha)).toBe(true);
    expect(before.claims.some((c) => c.article === sha)).toBe(false);
    expect(before.sources.some((s) => s[0] === "Unquoted Ministry")).toBe(true);
    expect(before.propositions).toContain("Nobody has claimed this yet");
  });

  it("round-trips a canonical JSONL file with --layers without loss, byte-identical", async () => {
    const before = snapshot(source);
    const { first, imported } = await roundTrip(true, "layers");
    expect(first).toContain('"adjudicated":{"adjudicator":');
    expect(first).toContain('"layers":[{"analyst":null');
    const after = snapshot(imported);
    // As JSON first: a difference toEqual cannot show (a Date against a number) shows here.
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    expect(after).toEqual(before);

    // Importing again adds nothing: every article is already stored.
    const again = await importClaimdeskExport(imported, [join(dir, "layers-1.jsonl")]);
    expect({ articles: again.articles, claims: again.claims }).toEqual({ articles: 0, claims: 0 });
    expect(again.duplicateArticles).toBe(before.articles.length);
    expect(again.skippedClaims).toBe(before.claims.length);
    expect(snapshot(imported)).toEqual(before);
    imported.$client.close();
  });

  it("round-trips the gold layer (no --layers) byte-identical, and the lines are gold's", async () => {
    const { first, imported } = await roundTrip(false, "gold");
    // The import holds the first export's lines: the same again, once its ids are mapped.
    const reexport = [...exportChunks(imported, { format: "jsonl", filter: {} })].join("");
    expect(withoutIds(reexport)).toEqual(withoutIds(first));
    const lines = first
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as { claim?: { id: number; origin: string; status: string } });
    const claimLines = lines.filter((l) => l.claim !== undefined);
    // Every suggestion, and the hand-made claims gold holds (the adjudicated one, not the one in
    // dispute nor any draft).
    const before = snapshot(source);
    const handMadeInGold = before.claims.filter(
      (c) =>
        c.origin === "analyst" && c.layers.some((l) => (l as { kind: string }).kind === "gold"),
    ).length;
    expect(claimLines.filter((l) => l.claim?.origin === "analyst")).toHaveLength(handMadeInGold);
    expect(claimLines).toHaveLength(
      before.claims.filter((c) => c.origin !== "analyst").length + handMadeInGold,
    );
    expect(first).not.toContain('"layers":');
    imported.$client.close();
  });

  it("round-trips a split folder, and reports a bad line without losing the rest", async () => {
    const before = snapshot(source);
    const folder = join(dir, "split");
    await writeExport(source, {
      format: "jsonl",
      filter: {},
      out: folder,
      split: { ratios: [80, 10, 10], seed: 5 },
      claimdeskVersion: "t",
      layers: true,
    });
    writeFileSync(
      join(folder, "zz-bad.jsonl"),
      '{"schemaVersion":"claimdesk-claim.v1"}\nnot json\n',
    );
    const target = createTestDb();
    const summary = await importClaimdeskExport(target, [folder]);
    expect(summary.files.map((f) => f.slice(folder.length + 1))).toEqual([
      "dev.jsonl",
      "test.jsonl",
      "train.jsonl",
      "zz-bad.jsonl",
    ]);
    expect(summary.failed.map((f) => [f.line, f.reason.split(":")[0]])).toEqual([
      [1, "not a canonical line"],
      [2, "not JSON"],
    ]);
    expect(snapshot(target)).toEqual(before);
    target.$client.close();
  });
});
