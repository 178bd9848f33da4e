/**
 * The dashboard's numbers, each one aggregate SQL (GROUP BY over indexes or the per-source
 * counters), never claims loaded into JS: progress by status, claims by source kind and stance,
 * and the likelihood distribution.
 */
import { count, isNotNull, isNull, sql, sum } from "drizzle-orm";
import { annotations, claims, sources } from "../schema";
import type { DbExecutor } from "./executor";

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

export function corpusStats(db: DbExecutor): CorpusStats {
  const byStatus = db
    .select({ status: claims.status, count: count() })
    .from(claims)
    .groupBy(claims.status)
    .all();
  const totalClaims = byStatus.reduce((n, r) => n + r.count, 0);
  const annotated =
    db
      .select({ n: sql<number>`count(distinct ${annotations.claimId})` })
      .from(annotations)
      .get()?.n ?? 0;
  const kindRows = db
    .select({ kind: sources.kind, count: sum(sources.claimCount).mapWith(Number) })
    .from(sources)
    .where(isNull(sources.mergedIntoId))
    .groupBy(sources.kind)
    .all();
  const withSource = kindRows.reduce((n, r) => n + r.count, 0);
  const bySourceKind: CorpusStats["bySourceKind"] = [
    ...kindRows.filter((r) => r.count > 0),
    ...(totalClaims > withSource ? [{ kind: null, count: totalClaims - withSource }] : []),
  ];
  const byKindAndStance = db.all<{
    kind: SourceKind | null;
    stance: SourceStance | null;
    count: number;
  }>(sql`
    select s.kind as kind, a.source_stance as stance, count(distinct a.claim_id) as count
    from annotations a
    join claims c on c.id = a.claim_id
    left join sources s on s.id = c.source_id
    group by s.kind, a.source_stance`);
  const byLikelihood = db
    .select({ likelihood: annotations.likelihood, count: count() })
    .from(annotations)
    .where(isNotNull(annotations.likelihood))
    .groupBy(annotations.likelihood)
    .all()
    .flatMap((r) => (r.likelihood === null ? [] : [{ likelihood: r.likelihood, count: r.count }]));
  return { totalClaims, byStatus, annotated, bySourceKind, byKindAndStance, byLikelihood };
}
