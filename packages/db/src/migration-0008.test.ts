/**
 * Migration 0008 (team layers) carries a database made by the previous schema forward: the
 * shared decisions become the layers of the analysts who made them, the suggestions go back to
 * what the rules proposed, fully submitted articles become article submissions, and gold and
 * disputes are built from them. Nothing already stored is lost.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDb } from "./client";
import { migrateDb, migrationsFolder } from "./migrate";
import { getClaimWithDetails } from "./queries/claims";

// The real scraped sample (../shared beside the repository, as in CI).
const SAMPLE = resolve(
  import.meta.dirname,
  "../../../../shared/samples/iran-iraq-militias-pause.txt",
);
const text = readFileSync(SAMPLE, "utf8");
const span = (exact: string) => {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not in the sample: ${exact}`);
  return { start, end: start + exact.length, exact };
};

/** The migrations folder as it was before 0008: its SQL files and a journal cut at 0007. */
function previousMigrations(dir: string): string {
  const folder = join(dir, "drizzle");
  mkdirSync(join(folder, "meta"), { recursive: true });
  const journal = JSON.parse(
    readFileSync(join(migrationsFolder, "meta/_journal.json"), "utf8"),
  ) as {
    entries: { idx: number; tag: string }[];
  };
  journal.entries = journal.entries.filter((e) => e.idx <= 7);
  writeFileSync(join(folder, "meta/_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries)
    copyFileSync(join(migrationsFolder, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
  return folder;
}

let dir: string;
let db: Db;
const ids = { ana: 0, ben: 0, dora: 0, article: 0, x: 0, y: 0, z: 0, tehran: 0, us: 0 };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "claimdesk-0008-"));
  db = openDb({ path: join(dir, "old.db") });
  migrate(db, { migrationsFolder: previousMigrations(dir) });
  const sql = db.$client;
  const run = (q: string, ...params: unknown[]) => sql.prepare(q).run(...params);
  const insertId = (q: string, ...params: unknown[]) => Number(run(q, ...params).lastInsertRowid);
  ids.ana = insertId(
    "insert into users (name, email, role) values ('Ana', 'ana@x.test', 'analyst')",
  );
  ids.ben = insertId(
    "insert into users (name, email, role) values ('Ben', 'ben@x.test', 'analyst')",
  );
  ids.dora = insertId(
    "insert into users (name, email, role) values ('Dora', 'dora@x.test', 'adjudicator')",
  );
  ids.article = insertId(
    "insert into articles (title, text, text_sha256, extractor, collection) values (?, ?, ?, 'test@1', 'samples')",
    "Iran Urges Iraqi Militias to Halt Attacks",
    text,
    "a".repeat(64),
  );
  ids.tehran = insertId("insert into sources (name, name_key) values ('Tehran', 'tehran')");
  ids.us = insertId(
    "insert into sources (name, name_key) values ('United States', 'united states')",
  );
  const claim = (
    content: { start: number; end: number; exact: string },
    source: { start: number; end: number; exact: string },
    cue: { start: number; end: number; exact: string },
    extra: { origin: string; status: string; sourceId: number | null; createdBy?: number },
  ) =>
    insertId(
      `insert into claims (article_id, content_start, content_end, content_text, source_start,
        source_end, source_text, cue_start, cue_end, cue_text, cue_lemma, source_id, status, origin,
        score, created_by) values (?,?,?,?,?,?,?,?,?,?,'say',?,?,?,?,?)`,
      ids.article,
      content.start,
      content.end,
      content.exact,
      source.start,
      source.end,
      source.exact,
      cue.start,
      cue.end,
      cue.exact,
      extra.sourceId,
      extra.status,
      extra.origin,
      extra.origin === "analyst" ? null : 0.8,
      extra.createdBy ?? null,
    );
  // X: a suggestion Ana accepted after widening its content (an audited update).
  const xContent = span("it has funded, advised and trained allies");
  ids.x = claim(xContent, span("Tehran"), span("says"), {
    origin: "rule:say-that@3",
    status: "suggested",
    sourceId: ids.tehran,
  });
  const wider = span(
    "it has funded, advised and trained allies but they decide operations on their own",
  );
  run(
    "update claims set status = 'accepted', content_end = ?, content_text = ?, version = 1 where id = ?",
    wider.end,
    wider.exact,
    ids.x,
  );
  run(
    `insert into audit_events (entity, entity_id, action, actor_id, before, after)
      values ('claim', ?, 'update', ?, json(?), json(?))`,
    ids.x,
    ids.ana,
    // toClaim's record of the claim before the update (camelCase, as the app writes it).
    JSON.stringify({
      id: ids.x,
      articleId: ids.article,
      contentStart: xContent.start,
      contentEnd: xContent.end,
      contentText: xContent.exact,
      sourceId: ids.tehran,
      quoteType: "indirect",
      status: "suggested",
      version: 0,
    }),
    JSON.stringify({ status: "accepted", contentEnd: wider.end, contentText: wider.exact }),
  );
  // Y: a suggestion nobody decided, which Ben annotated.
  ids.y = claim(
    span("Iran has a high level of control over what it calls Iranian “proxies” in the region"),
    span("The United States"),
    span("asserts"),
    { origin: "rule:say-that@3", status: "suggested", sourceId: ids.us },
  );
  // Z: Ana's hand-made claim.
  ids.z = claim(
    span("for strict security reasons and fearing for his safety"),
    span("the senior Iraqi security source"),
    span("said"),
    { origin: "analyst", status: "accepted", sourceId: null, createdBy: ids.ana },
  );
  const annotate = (claimId: number, analystId: number, likelihood: string, submitted: boolean) =>
    insertId(
      `insert into annotations (claim_id, analyst_id, likelihood, tags, submitted_at)
        values (?, ?, ?, '["militias"]', ?)`,
      claimId,
      analystId,
      likelihood,
      submitted ? 1_700_000_000_000 : null,
    );
  annotate(ids.x, ids.ana, "likely", true);
  annotate(ids.x, ids.ben, "unlikely", true);
  annotate(ids.y, ids.ben, "likely", true);
  annotate(ids.z, ids.ana, "very_likely", false);
  run(
    "insert into annotation_tags (annotation_id, claim_id, tag) select id, claim_id, 'militias' from annotations",
  );
  run(
    "insert into adjudications (claim_id, adjudicator_id, likelihood, note) values (?, ?, 'likely', 'Ana read it right')",
    ids.x,
    ids.dora,
  );
  db.$client.close();
});

afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("migration 0008: team layers", () => {
  it("keeps every row and moves the shared decisions into their makers' layers", () => {
    db = openDb({ path: join(dir, "old.db") });
    const count = (table: string) =>
      db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;
    const before = {
      claims: 3,
      annotations: 4,
      auditEvents: 1,
      adjudications: 1,
      tags: 4,
    };
    migrateDb(db);
    expect(count("claims")).toBe(before.claims);
    expect(count("annotations")).toBe(before.annotations);
    expect(count("audit_events")).toBe(before.auditEvents);
    expect(count("adjudications")).toBe(before.adjudications);
    expect(count("annotation_tags")).toBe(before.tags);
    expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.$client.pragma("foreign_key_check")).toEqual([]);

    const layers = db.$client
      .prepare(
        "select claim_id, analyst_id, status, content_text, version from claim_layers where kind = 'analyst' order by claim_id, analyst_id",
      )
      .all();
    expect(layers).toEqual([
      // Ana decided X (the audited update); Ben annotated it, so he reviewed the shared state.
      {
        claim_id: ids.x,
        analyst_id: ids.ana,
        status: "accepted",
        content_text: span(
          "it has funded, advised and trained allies but they decide operations on their own",
        ).exact,
        version: 1,
      },
      {
        claim_id: ids.x,
        analyst_id: ids.ben,
        status: "accepted",
        content_text: span(
          "it has funded, advised and trained allies but they decide operations on their own",
        ).exact,
        version: 1,
      },
      {
        claim_id: ids.y,
        analyst_id: ids.ben,
        status: "suggested",
        content_text: span(
          "Iran has a high level of control over what it calls Iranian “proxies” in the region",
        ).exact,
        version: 0,
      },
      {
        claim_id: ids.z,
        analyst_id: ids.ana,
        status: "accepted",
        content_text: "for strict security reasons and fearing for his safety",
        version: 0,
      },
    ]);
    // The suggestion itself is what the rule proposed again: undecided, its original span.
    const x = db.$client.prepare("select status, content_text from claims where id = ?").get(ids.x);
    expect(x).toEqual({
      status: "suggested",
      content_text: "it has funded, advised and trained allies",
    });
  });

  it("submits the articles whose annotations were all submitted, and builds gold from them", () => {
    // Ana's annotation of Z is a draft: her article is not submitted; Ben's all are.
    const submissions = db.$client
      .prepare("select article_id, analyst_id from article_submissions")
      .all();
    expect(submissions).toEqual([{ article_id: ids.article, analyst_id: ids.ben }]);
    // Only Ben submitted: his layer is the gold (X accepted as he left it).
    const gold = db.$client
      .prepare(
        "select claim_id, status, basis, likelihood from claim_layers where kind = 'gold' order by claim_id",
      )
      .all();
    expect(gold).toEqual([
      { claim_id: ids.x, status: "accepted", basis: "single", likelihood: "unlikely" },
      // Y: Ben judged it without accepting or rejecting it: no opinion on existence, no gold row.
    ]);
    const decided = db.$client
      .prepare("select decided_fields from adjudications where claim_id = ?")
      .pluck()
      .get(ids.x) as string;
    expect(JSON.parse(decided)).toContain("likelihood");
  });

  it("shows each analyst their own layer, and viewers gold", () => {
    const ana = { id: ids.ana, role: "analyst" as const };
    const ben = { id: ids.ben, role: "analyst" as const };
    const viewer = { id: ids.dora, role: "viewer" as const };
    expect(getClaimWithDetails(db, ids.x, ana)?.contentText).toBe(
      "it has funded, advised and trained allies but they decide operations on their own",
    );
    expect(getClaimWithDetails(db, ids.z, ana)?.status).toBe("accepted");
    // Ana's hand-made claim is not in Ben's layer.
    expect(getClaimWithDetails(db, ids.z, ben)).toBeNull();
    expect(getClaimWithDetails(db, ids.y, viewer)?.status).toBe("suggested");
    expect(getClaimWithDetails(db, ids.x, viewer)?.gold?.basis).toBe("single");
  });
});
