/**
 * Propositions across the corpus: the list with claim counts, and one proposition's overview —
 * who supports and who denies it (claims grouped by source and stance, with first appearance),
 * a per-day timeline by stance, and its claims with their articles.
 */
import type { TCorpusPropositionsInput } from "@claimdesk/types";
import { asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import { propositions, type sources } from "../schema";
import { NotFoundError } from "./errors";
import type { DbExecutor } from "./executor";
import { asReader, type ReaderLike, rawView, type View, viewOf } from "./layer-view";

type SourceStance = "support" | "deny" | "query" | "comment";
type SourceKind = (typeof sources.$inferSelect)["kind"];

export interface PropositionListItem {
  id: number;
  text: string;
  claimCount: number;
  createdAt: string;
}

/**
 * SQL over a query of `propositions`: how many claims `reader`'s view links to the row's
 * proposition (candidates through either index, then the view's own value decides).
 */
export function propositionClaimCountSql(reader: ReaderLike): SQL<number> {
  const v = rawView(viewOf(asReader(reader)));
  // Qualified: inside the subquery a bare "id" would be claims' or claim_layers'.
  const pid = sql.raw(`"propositions"."id"`);
  return sql<number>`(select count(*) from claims c ${v.join}
    where (c.proposition_id = ${pid} or c.id in (select claim_id from claim_layers where proposition_id = ${pid}))
      and ${v.eff("proposition_id")} = ${pid} and ${v.inView})`.mapWith(Number);
}

/** Propositions whose text contains `query` (case-insensitive), most-cited first; claims are
 * counted in `reader`'s view (layer-view.ts). */
export function listPropositionsWithCounts(
  db: DbExecutor,
  input: TCorpusPropositionsInput = {},
  reader: ReaderLike = { id: 0, role: "viewer" },
): { items: PropositionListItem[]; total: number } {
  const query = input.query?.toLowerCase() ?? "";
  const where = query ? sql`instr(lower(${propositions.text}), ${query}) > 0` : undefined;
  const claimCount = propositionClaimCountSql(reader);
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

/** The stance of a claim as the view sees it: the analyst's own, or gold's. */
function stanceSql(view: View): SQL {
  if (view.kind === "gold") return sql`l.source_stance`;
  return sql`(select a.source_stance from annotations a
  where a.claim_id = c.id and a.analyst_id = ${view.analystId})`;
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
  reader: ReaderLike,
): PropositionOverview {
  const view = viewOf(asReader(reader));
  const v = rawView(view);
  const STANCE_SQL = stanceSql(view);
  // Candidates through either index, then the view's own value decides.
  const ofProposition = sql`(c.proposition_id = ${id} or c.id in (select claim_id from claim_layers where proposition_id = ${id}))
    and ${v.eff("proposition_id")} = ${id} and ${v.inView}`;
  const row = db.select().from(propositions).where(eq(propositions.id, id)).get();
  if (!row) throw new NotFoundError("Proposition", id);
  const bySource = db.all<PropositionOverview["bySource"][number]>(sql`
    select ${v.eff("source_id")} as sourceId, s.name as sourceName, s.kind as sourceKind,
      ${STANCE_SQL} as stance, count(*) as claims, count(distinct c.article_id) as articles,
      min(${APPEARED_SQL}) as firstAppearance
    from claims c join articles ar on ar.id = c.article_id ${v.join}
      left join sources s on s.id = ${v.eff("source_id")}
    where ${ofProposition}
    group by sourceId, stance
    order by claims desc, sourceName`);
  const timeline = db.all<PropositionOverview["timeline"][number]>(sql`
    select ${APPEARED_SQL} as day, ${STANCE_SQL} as stance, count(*) as claims
    from claims c join articles ar on ar.id = c.article_id ${v.join}
    where ${ofProposition}
    group by day, stance
    order by day`);
  const claimRows = db.all<PropositionOverview["claims"][number]>(sql`
    select c.id as id, c.article_id as articleId, ar.title as articleTitle,
      ${APPEARED_SQL} as appeared, ${v.eff("content_text")} as contentText, s.name as sourceName,
      ${STANCE_SQL} as stance, ${v.eff("status")} as status
    from claims c join articles ar on ar.id = c.article_id ${v.join}
      left join sources s on s.id = ${v.eff("source_id")}
    where ${ofProposition}
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
