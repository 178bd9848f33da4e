/**
 * The team layers' query plans at scale: a synthetic corpus (N claims over N/50 articles, 2,000
 * sources), two analysts' layers and annotations on a fifth of the claims, then each claims-table
 * query as an analyst in-process: median and p95 of 30 runs, with SQLite's EXPLAIN QUERY PLAN.
 * Usage: tsx bench/layers-plan.ts [--claims 1000000] [--db /tmp/layers-plan.db]
 */
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { countClaimTable, listClaimTable, openDb } from "../packages/db/src/index";
import { migrateDb } from "../packages/db/src/migrate";
import type { TClaimFilter, TClaimSort } from "../packages/types/src/index";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const N = Number(arg("claims", "1000000"));
const path = arg("db", `/tmp/layers-plan-${N}.db`);
const fresh = !existsSync(path);
const db = openDb({ path });
migrateDb(db);
const sql = db.$client;
if (fresh) {
  const t0 = performance.now();
  const articles = Math.ceil(N / 50);
  sql.exec(`
    insert into users (id, name, email, role) values (1, 'Ana', 'ana@b.test', 'analyst'), (2, 'Ben', 'ben@b.test', 'analyst');
    with recursive n(i) as (select 1 union all select i + 1 from n where i < 2000)
      insert into sources (name, name_key, kind) select 'Source ' || i, 'source ' || i,
        case i % 4 when 0 then 'named_person' when 1 then 'named_organization' when 2 then 'unnamed_official' else 'media_outlet' end from n;
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${articles})
      insert into articles (title, text, text_sha256, extractor, publisher)
      select 'Article ' || i, 'Officials said the talks would resume. ' || i, lower(hex(randomblob(32))), 'bench@1',
        case i % 3 when 0 then 'Reuters' when 1 then 'AP' else 'BBC' end from n;
    insert into claims_fts_deferred (id) values (1);
    with recursive n(i) as (select 1 union all select i + 1 from n where i < ${N})
      insert into claims (article_id, content_start, content_end, content_text, source_start, source_end,
        source_text, cue_start, cue_end, cue_text, cue_lemma, source_id, quote_type, status, origin, score)
      select (i - 1) / 50 + 1, 15, 38, 'the talks would resume', 0, 9, 'Officials', 10, 14, 'said', 'say',
        (i * 7919) % 2000 + 1, 'indirect', 'suggested', 'rule:bench@1', 0.8 from n;
    delete from claims_fts_deferred;
  `);
  console.log(`claims: ${Math.round(performance.now() - t0)} ms`);
  // Two analysts' layers and annotations on a fifth of the claims.
  for (const [analyst, rejectEvery] of [
    [1, 7],
    [2, 11],
  ] as const) {
    sql.exec(`
      insert into claim_layers (claim_id, article_id, kind, analyst_id, status, content_start, content_end,
        content_text, source_start, source_end, source_text, cue_start, cue_end, cue_text, cue_lemma,
        source_id, quote_type, parent_claim_id, proposition_id, version)
      select id, article_id, 'analyst', ${analyst},
        case when id % ${rejectEvery} = 0 then 'rejected' else 'accepted' end, content_start, content_end,
        content_text, source_start, source_end, source_text, cue_start, cue_end, cue_text, cue_lemma,
        case when id % 13 = 0 then (id * 31) % 2000 + 1 else source_id end, quote_type, null, null, 1
      from claims where id % 5 = 0;
      insert into annotations (claim_id, analyst_id, source_stance, reporting_stance, likelihood, tags)
      select id, ${analyst},
        case (id + ${analyst}) % 4 when 0 then 'support' when 1 then 'deny' when 2 then 'query' else 'comment' end,
        'neutral',
        case (id + ${analyst}) % 7 when 0 then 'almost_no_chance' when 1 then 'very_unlikely' when 2 then 'unlikely'
          when 3 then 'roughly_even_chance' when 4 then 'likely' when 5 then 'very_likely' else 'almost_certain' end,
        case when id % 50 = 0 then '["reviewed"]' else '[]' end
      from claims where id % 5 = 0;
    `);
  }
  sql.exec(`insert into annotation_tags (annotation_id, claim_id, tag)
    select id, claim_id, 'reviewed' from annotations where claim_id % 50 = 0`);
  sql.pragma("wal_checkpoint(TRUNCATE)");
  console.log(`seeded in ${Math.round(performance.now() - t0)} ms`);
}

const ana = { id: 1, role: "analyst" as const };
const cases: [string, TClaimFilter, TClaimSort?][] = [
  ["no filter", {}],
  ["status accepted", { status: ["accepted"] }],
  [
    "status + source kind + likelihood",
    { status: ["accepted"], sourceKind: ["named_person"], likelihood: ["likely", "very_likely"] },
  ],
  ["tag", { tag: ["reviewed"] }],
  ["source kind", { sourceKind: ["unnamed_official"] }],
  [
    "status accepted, by article date",
    { status: ["accepted"] },
    { field: "publishedAt", direction: "desc" },
  ],
  [
    "likelihood nobody gave (worst case)",
    { likelihood: ["almost_certain"], sourceStance: ["query"] },
  ],
];
const ms = (f: () => void) => {
  const t = performance.now();
  f();
  return performance.now() - t;
};
for (const [name, filter] of cases) {
  const times: number[] = [];
  for (let i = 0; i < 30; i++)
    times.push(ms(() => listClaimTable(db, { filter, limit: 100 }, ana)));
  const counts: number[] = [];
  for (let i = 0; i < 5; i++) counts.push(ms(() => countClaimTable(db, { filter }, ana)));
  times.sort((a, b) => a - b);
  counts.sort((a, b) => a - b);
  console.log(
    `${name}: page p50 ${times[15]?.toFixed(1)} ms p95 ${times[28]?.toFixed(1)} ms; count p50 ${counts[2]?.toFixed(1)} ms`,
  );
}
const size = sql
  .prepare("select page_count * page_size as b from pragma_page_count(), pragma_page_size()")
  .get() as { b: number };
console.log(`database ${(size.b / 1e6).toFixed(0)} MB`);

// The plan of the heaviest page query, for the record.
const plan = sql
  .prepare(
    `explain query plan select claims.id from claims
      left join claim_layers layer on layer.claim_id = claims.id and layer.analyst_id = 1
      where (claims.origin <> 'analyst' or layer.id is not null)
        and iif(layer.id is null, claims.status, layer.status) in ('accepted')
        and iif(layer.id is null, claims.source_id, layer.source_id) in (select id from sources where kind in ('named_person'))
        and claims.id in (select claim_id from annotations where analyst_id = 1 and likelihood in ('likely', 'very_likely'))
      order by claims.id desc limit 101`,
  )
  .all() as { detail: string }[];
console.log(plan.map((p) => `  ${p.detail}`).join("\n"));
console.log(`(${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)})`);
