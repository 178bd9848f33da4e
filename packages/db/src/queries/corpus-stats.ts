/**
 * The dashboard's numbers, each one aggregate SQL (GROUP BY over indexes or the per-source
 * counters), never claims loaded into JS: progress by status, claims by source kind and stance,
 * and the likelihood distribution.
 */
import { isNull, sql, sum } from "drizzle-orm";
import { type annotations, type claims, sources } from "../schema";
import type { DbExecutor } from "./executor";
import { asReader, type ReaderLike, viewOf } from "./layer-view";

type ClaimStatus = (typeof claims.$inferSelect)["status"];
type SourceKind = (typeof sources.$inferSelect)["kind"];
type SourceStance = NonNullable<(typeof annotations.$inferSelect)["sourceStance"]>;
type Likelihood = NonNullable<(typeof annotations.$inferSelect)["likelihood"]>;

export interface CorpusStats {
  totalClaims: number;
  byStatus: { status: ClaimStatus; count: number }[];
  /** Claims at least one analyst annotated. */
  annotated: number;
  /** Claims per source kind (from the sources' maintained counters); `null` = no source. */
  bySourceKind: { kind: SourceKind | null; count: number }[];
  /** Annotated claims per source kind × stance (`null` stance: annotated without one). */
  byKindAndStance: { kind: SourceKind | null; stance: SourceStance | null; count: number }[];
  /** Annotations per likelihood (unordered; the UI orders by ICD 203). */
  byLikelihood: { likelihood: Likelihood; count: number }[];
}

/**
 * The dashboard's numbers as `reader`'s view has them (layer-view.ts): the suggestions overlaid
 * with their own layer (or gold for viewers), and only their own judgements (gold's for viewers):
 * other analysts' drafts never show in a count. Proposal counts come from indexes and the
 * sources' counters; the view's layer rows then move claims between buckets.
 */
export function corpusStats(db: DbExecutor, readerLike: ReaderLike): CorpusStats {
  const view = viewOf(asReader(readerLike));
  const inLayer =
    view.kind === "gold" ? sql`l.kind = 'gold'` : sql`l.analyst_id = ${view.analystId}`;
  const statusCounts = new Map<ClaimStatus, number>();
  const bump = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const r of db.all<{ status: ClaimStatus; n: number }>(
    sql`select status, count(*) as n from claims where origin <> 'analyst' group by status`,
  ))
    bump(statusCounts, r.status, r.n);
  // A layer row replaces its proposal's values in the view.
  for (const r of db.all<{ was: ClaimStatus | null; status: ClaimStatus; n: number }>(sql`
    select iif(c.origin <> 'analyst', c.status, null) as was, l.status as status, count(*) as n
    from claim_layers l join claims c on c.id = l.claim_id
    where ${inLayer} group by was, l.status`)) {
    if (r.was !== null) bump(statusCounts, r.was, -r.n);
    bump(statusCounts, r.status, r.n);
  }
  const byStatus = [...statusCounts.entries()]
    .filter(([, n]) => n > 0)
    .map(([status, n]) => ({ status, count: n }));
  const totalClaims = byStatus.reduce((n, r) => n + r.count, 0);

  const kindCounts = new Map<SourceKind | null, number>();
  for (const r of db
    .select({ kind: sources.kind, count: sum(sources.claimCount).mapWith(Number) })
    .from(sources)
    .where(isNull(sources.mergedIntoId))
    .groupBy(sources.kind)
    .all())
    bump(kindCounts, r.kind, r.count);
  // The counters count every proposal: take out hand-made ones, move layered ones.
  for (const r of db.all<{ kind: SourceKind | null; n: number }>(sql`
    select s.kind as kind, count(*) as n from claims c left join sources s on s.id = c.source_id
    where c.origin = 'analyst' and c.source_id is not null group by s.kind`))
    bump(kindCounts, r.kind, -r.n);
  for (const r of db.all<{
    was: SourceKind | null;
    kind: SourceKind | null;
    proposal: number;
    n: number;
  }>(sql`
    select ps.kind as was, ls.kind as kind, c.origin <> 'analyst' as proposal, count(*) as n
    from claim_layers l join claims c on c.id = l.claim_id
    left join sources ps on ps.id = c.source_id left join sources ls on ls.id = l.source_id
    where ${inLayer} group by ps.kind, ls.kind, proposal`)) {
    if (r.proposal === 1 && r.was !== null) bump(kindCounts, r.was, -r.n);
    if (r.kind !== null) bump(kindCounts, r.kind, r.n);
  }
  const withSource = [...kindCounts.values()].reduce((n, c) => n + c, 0);
  const bySourceKind: CorpusStats["bySourceKind"] = [
    ...[...kindCounts.entries()].filter(([, n]) => n > 0).map(([kind, n]) => ({ kind, count: n })),
    ...(totalClaims > withSource ? [{ kind: null, count: totalClaims - withSource }] : []),
  ];

  // Judgements: the analyst's own annotations, or gold's.
  const judged =
    view.kind === "gold"
      ? sql`select l.claim_id as claim_id, l.source_stance as source_stance, l.likelihood as likelihood,
          l.source_id as source_id from claim_layers l where l.kind = 'gold'`
      : sql`select a.claim_id as claim_id, a.source_stance as source_stance, a.likelihood as likelihood,
          iif(l.id is null, c.source_id, l.source_id) as source_id
          from annotations a join claims c on c.id = a.claim_id
          left join claim_layers l on l.claim_id = a.claim_id and l.analyst_id = a.analyst_id
          where a.analyst_id = ${view.analystId}`;
  const annotated = db.get<{ n: number }>(sql`select count(*) as n from (${judged})`)?.n ?? 0;
  const byKindAndStance = db.all<{
    kind: SourceKind | null;
    stance: SourceStance | null;
    count: number;
  }>(sql`
    select s.kind as kind, j.source_stance as stance, count(*) as count
    from (${judged}) j left join sources s on s.id = j.source_id
    group by s.kind, j.source_stance`);
  const byLikelihood = db.all<{ likelihood: Likelihood; count: number }>(sql`
    select j.likelihood as likelihood, count(*) as count from (${judged}) j
    where j.likelihood is not null group by j.likelihood`);
  return { totalClaims, byStatus, annotated, bySourceKind, byKindAndStance, byLikelihood };
}
