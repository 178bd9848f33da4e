/**
 * Propositions across the corpus: the list with claim counts, and one proposition's overview —
 * who supports and who denies it (claims grouped by source and stance, with first appearance),
 * a per-day timeline by stance, and its claims with their articles.
 */
import type { TCorpusPropositionsInput } from "@claimdesk/types";
import { asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { claims, propositions, type sources } from "../schema";
import type { ClaimFilterScope } from "./claim-filter";
import { NotFoundError } from "./errors";
import type { DbExecutor } from "./executor";

type SourceStance = "support" | "deny" | "query" | "comment";
type SourceKind = (typeof sources.$inferSelect)["kind"];

export interface PropositionListItem {
  id: number;
  text: string;
  claimCount: number;
  createdAt: string;
}

/** Propositions whose text contains `query` (case-insensitive), most-cited first. */
export function listPropositionsWithCounts(
  db: DbExecutor,
  input: TCorpusPropositionsInput = {},
): { items: PropositionListItem[]; total: number } {
  const query = input.query?.toLowerCase() ?? "";
  const where = query ? sql`instr(lower(${propositions.text}), ${query}) > 0` : undefined;
  const claimCount = db.$count(claims, eq(claims.propositionId, propositions.id));
  const rows = db
    .select({
      id: propositions.id,
      text: propositions.text,
      claimCount,
      createdAt: propositions.createdAt,
    })
    .from(propositions)
    .where(where)
    .orderBy(desc(claimCount), asc(propositions.text))
    .limit(input.limit ?? 50)
    .offset(input.offset ?? 0)
    .all();
  const total = db.select({ n: count() }).from(propositions).where(where).get()?.n ?? 0;
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), total };
}

/** The stance of a claim: the latest stance any analyst gave it. For a blind analyst
 * (`blindAnalystId`), only among the annotations they may see: their own, or submitted ones on a
 * claim they have submitted their own for. */
function stanceSql(scope: ClaimFilterScope): SQL {
  const visible =
    scope.blindAnalystId === undefined
      ? sql``
      : sql`and (a.analyst_id = ${scope.blindAnalystId} or (a.submitted_at is not null and exists (
          select 1 from annotations m where m.claim_id = c.id
            and m.analyst_id = ${scope.blindAnalystId} and m.submitted_at is not null)))`;
  return sql`(select a.source_stance from annotations a
  where a.claim_id = c.id and a.source_stance is not null ${visible}
  order by a.updated_at desc, a.id desc limit 1)`;
}
/** When a claim appeared: its article's publication date, else the article's import day. */
const APPEARED_SQL = sql`coalesce(substr(ar.published_at, 1, 10),
  strftime('%Y-%m-%d', ar.created_at / 1000, 'unixepoch'))`;

export interface PropositionOverview {
  proposition: { id: number; text: string; createdAt: string };
  claimCount: number;
  firstAppearance: string | null;
  /** Claims per source × stance: who supports, who denies. */
  bySource: {
    sourceId: number | null;
    sourceName: string | null;
    sourceKind: SourceKind | null;
    stance: SourceStance | null;
    claims: number;
    articles: number;
    firstAppearance: string | null;
  }[];
  /** Claims per day (YYYY-MM-DD) and stance. */
  timeline: { day: string; stance: SourceStance | null; claims: number }[];
  /** Its claims, earliest first (at most 500). */
  claims: {
    id: number;
    articleId: number;
    articleTitle: string | null;
    appeared: string | null;
    contentText: string;
    sourceName: string | null;
    stance: SourceStance | null;
    status: "suggested" | "accepted" | "rejected";
  }[];
}

export function getPropositionOverview(
  db: DbExecutor,
  id: number,
  scope: ClaimFilterScope = {},
): PropositionOverview {
  const STANCE_SQL = stanceSql(scope);
  const row = db.select().from(propositions).where(eq(propositions.id, id)).get();
  if (!row) throw new NotFoundError("Proposition", id);
  const bySource = db.all<PropositionOverview["bySource"][number]>(sql`
    select c.source_id as sourceId, s.name as sourceName, s.kind as sourceKind,
      ${STANCE_SQL} as stance, count(*) as claims, count(distinct c.article_id) as articles,
      min(${APPEARED_SQL}) as firstAppearance
    from claims c join articles ar on ar.id = c.article_id left join sources s on s.id = c.source_id
    where c.proposition_id = ${id}
    group by c.source_id, stance
    order by claims desc, sourceName`);
  const timeline = db.all<PropositionOverview["timeline"][number]>(sql`
    select ${APPEARED_SQL} as day, ${STANCE_SQL} as stance, count(*) as claims
    from claims c join articles ar on ar.id = c.article_id
    where c.proposition_id = ${id}
    group by day, stance
    order by day`);
  const claimRows = db.all<PropositionOverview["claims"][number]>(sql`
    select c.id as id, c.article_id as articleId, ar.title as articleTitle,
      ${APPEARED_SQL} as appeared, c.content_text as contentText, s.name as sourceName,
      ${STANCE_SQL} as stance, c.status as status
    from claims c join articles ar on ar.id = c.article_id left join sources s on s.id = c.source_id
    where c.proposition_id = ${id}
    order by appeared, c.id
    limit 500`);
  const claimCount = bySource.reduce((n, r) => n + r.claims, 0);
  const firstAppearance =
    bySource
      .map((r) => r.firstAppearance)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? null;
  return {
    proposition: { id: row.id, text: row.text, createdAt: row.createdAt.toISOString() },
    claimCount,
    firstAppearance,
    bySource,
    timeline,
    claims: claimRows,
  };
}
