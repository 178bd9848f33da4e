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
  articles,
  claims,
  createClaim,
  createSource,
  type Db,
  findRepoRoot,
  insertProcessedArticles,
  propositions,
  sources,
  submitAnnotation,
  upsertAnnotation,
  users,
} from "@claimdesk/db";
import { createTestDb, insertTestArticle, spanOf } from "@claimdesk/db/testing";
import { writeExport } from "@claimdesk/export";
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

/** Adds what analysts do: accept/reject, propositions, registry details, annotations by two people. */
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
  const all = db.select({ id: claims.id, sourceId: claims.sourceId }).from(claims).all();
  for (const [i, c] of all.entries()) {
    if (i % 3 === 0) {
      db.$client
        .prepare("update claims set status = ?, version = 2, proposition_id = ? where id = ?")
        .run(i % 2 === 0 ? "accepted" : "rejected", i % 9 === 0 ? p1 : null, c.id);
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
    // Some of Ana's annotations submitted as final: the round trip must keep which and when.
    if (i % 6 === 0) submitAnnotation(db, { claimId: c.id, analystId: ana });
    if (i % 5 === 0)
      upsertAnnotation(db, {
        claimId: c.id,
        analystId: ben,
        values: { reportingStance: "distancing", analyticConfidence: "high", tags: ["ben"] },
      });
    // Decisions on some claims both analysts annotated; one revised (version 1).
    if (i % 15 === 0) {
      const first = adjudicate(
        db,
        {
          claimId: c.id,
          values: {
            sourceStance: "comment",
            reportingStance: "distancing",
            likelihood: i % 2 === 0 ? "unlikely" : null,
            analyticConfidence: "moderate",
            credibility: "4",
            verdict: "refuted",
          },
          note: i % 30 === 0 ? 'Judy: "no",\nreally' : null,
          version: null,
        },
        judy,
      );
      if (i % 45 === 0)
        adjudicate(
          db,
          {
            claimId: c.id,
            values: { ...first, verdict: "not_enough_info" },
            note: "revised",
            version: first.version,
          },
          ben,
        );
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
  db.$client.prepare("update claims set parent_claim_id = ? where id = ?").run(parent.id, child.id);
  upsertAnnotation(db, {
    claimId: parent.id,
    analystId: ben,
    values: { verdict: "not_enough_info" },
  });
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
  return {
    articles: articleSnapshots,
    claims: claimSnapshots,
    sources: sourceSnapshots,
    propositions: [...propositionRows.values()].sort(),
  };
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

describe("import --format claimdesk", { timeout: 120_000 }, () => {
  it("round-trips a canonical JSONL file without loss", async () => {
    const before = snapshot(source);
    expect(before.claims.length).toBeGreaterThan(300);
    expect(before.claims.filter((c) => c.annotations.length > 1).length).toBeGreaterThan(10);
    expect(before.claims.some((c) => c.parent !== null)).toBe(true);
    const decided = before.claims.filter((c) => c.adjudication !== null);
    expect(decided.length).toBeGreaterThan(5);
    expect(decided.some((c) => JSON.stringify(c.adjudication).includes('"version":1'))).toBe(true);
    // An article with no claims, a source and a proposition no claim uses are kept too.
    const sha = createHash("sha256").update(QUIET).digest("hex");
    expect(before.articles.some((a) => a.textSha256 === sha)).toBe(true);
    expect(before.claims.some((c) => c.article === sha)).toBe(false);
    expect(before.sources.some((s) => s[0] === "Unquoted Ministry")).toBe(true);
    expect(before.propositions).toContain("Nobody has claimed this yet");

    const file = join(dir, "claims.jsonl");
    await writeExport(source, { format: "jsonl", filter: {}, out: file, claimdeskVersion: "t" });
    const target = createTestDb();
    const summary = await importClaimdeskExport(target, [file]);
    expect(summary.failed).toEqual([]);
    expect(summary.claims).toBe(before.claims.length);
    expect(summary.adjudications).toBe(decided.length);
    expect(snapshot(target)).toEqual(before);

    // Export → import → export is a fixed point: byte-identical files.
    const second = join(dir, "second.jsonl");
    const third = join(dir, "third.jsonl");
    await writeExport(target, { format: "jsonl", filter: {}, out: second, claimdeskVersion: "t" });
    const target2 = createTestDb();
    expect((await importClaimdeskExport(target2, [second])).failed).toEqual([]);
    await writeExport(target2, { format: "jsonl", filter: {}, out: third, claimdeskVersion: "t" });
    const secondText = readFileSync(second, "utf8");
    expect(secondText).toContain('"adjudicated":{"adjudicator":');
    expect(readFileSync(third, "utf8") === secondText).toBe(true);
    target2.$client.close();

    // Importing again adds nothing: every article is already stored.
    const again = await importClaimdeskExport(target, [file]);
    expect({ articles: again.articles, claims: again.claims }).toEqual({ articles: 0, claims: 0 });
    expect(again.duplicateArticles).toBe(before.articles.length);
    expect(again.skippedClaims).toBe(before.claims.length);
    expect(snapshot(target)).toEqual(before);
    target.$client.close();
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
