/** Articles: the newest-first list, full-text search over title and body (FTS5), and one article. */
import type { TArticleListInput } from "@claimdesk/types";
import { asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { annotations, articleSubmissions, articles, claimLayers, claims, users } from "../schema";
import { listClaimsForArticle } from "./claims";
import { NotFoundError } from "./errors";
import type { DbExecutor } from "./executor";
import { asReader, type ReaderLike, rawView, viewOf } from "./layer-view";
import { type Article, type ArticleListItem, type ClaimWithDetails, toArticle } from "./records";
import { articleSubmittedAt } from "./submissions";

const SNIPPET_CHARS = 200;

/**
 * Turns what a user typed into a safe FTS5 query: every token with a letter or digit becomes a
 * quoted string (inner quotes doubled), so operators (AND, NEAR, -, *, ^, :, parentheses) and stray
 * quotes are plain text and can never be a syntax error. Tokens are ANDed; the last one matches as a
 * prefix, for search-as-you-type. Null when nothing searchable is left.
 */
export function toFtsQuery(query: string): string | null {
  const tokens = query.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (tokens.length === 0) return null;
  return tokens
    .map((t, i) => `"${t.replaceAll('"', '""')}"${i === tokens.length - 1 ? "*" : ""}`)
    .join(" ");
}

/**
 * A page of articles with their claim counts as `reader` sees them (gold's by default): newest first (by id, i.e. import order), or, given a
 * `query`, ranked by bm25 with title hits weighted above body hits, with a snippet marking hits in
 * `[` `]`. `total` counts every match, not just the page.
 */
export function listArticles(
  db: DbExecutor,
  input: TArticleListInput = {},
  reader: ReaderLike = { id: 0, role: "viewer" },
): { items: ArticleListItem[]; total: number } {
  const limit = input.limit ?? 50;
  const offset = input.offset ?? 0;
  const match = input.query ? toFtsQuery(input.query) : null;
  // Claims as the reader's view holds them (layer-view.ts): the suggestions, and the hand-made
  // claims of their own layer (gold's for viewers), never another analyst's drafts.
  const v = rawView(viewOf(asReader(reader)));
  const claimCount = sql<number>`(select count(*) from claims c ${v.join}
    where c.article_id = articles.id and ${v.inView})`.mapWith(Number);

  if (match === null) {
    const items = db
      .select({
        id: articles.id,
        title: articles.title,
        publisher: articles.publisher,
        publishedAt: articles.publishedAt,
        createdAt: articles.createdAt,
        claimCount,
        // substr in SQL so a page never loads whole article bodies.
        snippet: sql<string>`substr(${articles.text}, 1, ${SNIPPET_CHARS})`,
      })
      .from(articles)
      .orderBy(desc(articles.id))
      .limit(limit)
      .offset(offset)
      .all();
    const total = db.select({ n: count() }).from(articles).get()?.n ?? 0;
    return {
      items: items.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
      total,
    };
  }

  // FTS5 is not modelled by Drizzle: raw SQL, with the user's text only ever a bound parameter.
  // The page comes from the FTS index alone, in a top-level query: bm25 needs nothing else, and
  // SQLite computes a result column such as the snippet only for rows that enter the LIMIT's top
  // rows. (Inside a subquery or CTE it computes it for every match: about 0.6 s for "the" on 20k
  // articles.) Only the page's rows are then looked up in articles and given a claim count;
  // joined before the sort, as they were, every match cost a row lookup and a count.
  const page = db.all<{ id: number; snippet: string | null }>(sql`
    select articles_fts.rowid as id, snippet(articles_fts, 1, '[', ']', '…', 24) as snippet
    from articles_fts where articles_fts match ${match}
    order by bm25(articles_fts, 5.0, 1.0), articles_fts.rowid desc
    limit ${limit} offset ${offset}`);
  const details = new Map(
    (page.length === 0
      ? []
      : db
          .select({
            id: articles.id,
            title: articles.title,
            publisher: articles.publisher,
            publishedAt: articles.publishedAt,
            createdAt: articles.createdAt,
            claimCount,
          })
          .from(articles)
          .where(
            inArray(
              articles.id,
              page.map((p) => p.id),
            ),
          )
          .all()
    ).map((r) => [r.id, r]),
  );
  const rows = page.flatMap((p) => {
    const article = details.get(p.id);
    return article ? [{ ...article, snippet: p.snippet }] : [];
  });
  const total =
    db.get<{ n: number }>(
      sql`select count(*) as n from articles_fts where articles_fts match ${match}`,
    )?.n ?? 0;
  return {
    items: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      snippet: r.snippet ?? "",
    })),
    total,
  };
}

export function getArticle(db: DbExecutor, id: number): Article | null {
  const row = db.select().from(articles).where(eq(articles.id, id)).get();
  return row ? toArticle(row) : null;
}

/**
 * An article with its claims as `reader` sees them (their own layer with their annotations, or
 * gold for viewers) and when the reader submitted their layer of it; NotFoundError if missing.
 */
export function getArticleWithClaims(
  db: DbExecutor,
  id: number,
  reader: ReaderLike,
): { article: Article; claims: ClaimWithDetails[]; submittedAt: string | null } {
  const article = getArticle(db, id);
  if (!article) throw new NotFoundError("Article", id);
  const { id: readerId } = asReader(reader);
  return {
    article,
    claims: listClaimsForArticle(db, id, reader),
    submittedAt: articleSubmittedAt(db, id, readerId),
  };
}

export interface ArticleLayer {
  /** Whose layer; null for gold. */
  analyst: { id: number; name: string } | null;
  submittedAt: string | null;
  claims: ClaimWithDetails[];
}

/**
 * The other layers of an article that `reader` may see, side by side (layer-view.ts): for an
 * analyst, once they submitted, the other submitted layers and gold; for viewers, gold; for
 * adjudicators and admins, every analyst's layer (drafts too) and gold.
 */
export function articleLayers(
  db: DbExecutor,
  articleId: number,
  readerLike: ReaderLike,
): { hidden: boolean; layers: ArticleLayer[] } {
  const reader = asReader(readerLike);
  if (!getArticle(db, articleId)) throw new NotFoundError("Article", articleId);
  const submitted = new Map(
    db
      .select({ analystId: articleSubmissions.analystId, at: articleSubmissions.submittedAt })
      .from(articleSubmissions)
      .where(eq(articleSubmissions.articleId, articleId))
      .all()
      .map((r) => [r.analystId, r.at.toISOString()]),
  );
  const hidden = reader.role === "analyst" && !submitted.has(reader.id);
  if (hidden) return { hidden, layers: [] };
  const gold: ArticleLayer = {
    analyst: null,
    submittedAt: null,
    claims: listClaimsForArticle(db, articleId, { id: reader.id, role: "viewer" }).filter(
      (c) => c.layer === "gold",
    ),
  };
  if (reader.role === "viewer") return { hidden, layers: [gold] };
  // Whoever has a layer of the article: decisions, judgements (annotations), or a submission.
  const owners = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      sql`${users.id} in (select ${claimLayers.analystId} from ${claimLayers} where ${claimLayers.articleId} = ${articleId} and ${claimLayers.kind} = 'analyst'
        union select ${annotations.analystId} from ${annotations} join ${claims} on ${claims.id} = ${annotations.claimId} where ${claims.articleId} = ${articleId}
        union select ${articleSubmissions.analystId} from ${articleSubmissions} where ${articleSubmissions.articleId} = ${articleId})`,
    )
    .orderBy(asc(users.id))
    .all()
    .filter((u) => u.id !== reader.id && (reader.role !== "analyst" || submitted.has(u.id)));
  const layers = owners.map((u) => ({
    analyst: u,
    submittedAt: submitted.get(u.id) ?? null,
    // Their own view: their layer over the suggestions, with their annotations.
    claims: listClaimsForArticle(db, articleId, { id: u.id, role: "analyst" }).filter(
      (c) => c.layer === "analyst" || c.annotation !== null,
    ),
  }));
  return { hidden, layers: [...layers, gold] };
}
