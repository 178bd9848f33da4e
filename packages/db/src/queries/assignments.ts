/**
 * Assignment sets: an admin deals articles (chosen by id, or every article with a claim a
 * claims-table filter matches) to analysts round-robin in a seeded-shuffled order, so each gets a
 * near-equal share, then gives `overlapPercent`% of them to a second, different analyst — the
 * double-annotated articles agreement is computed on. Sets are history: never edited or deleted.
 */
import type { TAssignmentSetCreateInput, TUserRole } from "@claimdesk/types";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  annotations,
  articles,
  assignmentSets,
  assignments,
  claimLayers,
  claims,
  users,
} from "../schema";
import { writeAuditEvent } from "./audit";
import { viewWhere } from "./claim-filter";
import { InvalidInputError, NotFoundError } from "./errors";
import { type DbExecutor, writeTransaction } from "./executor";
import { layer, layerJoin } from "./layer-view";

/** Roles that annotate (an adjudicator and an admin can also take assignments). */
const ASSIGNABLE_ROLES: readonly TUserRole[] = ["analyst", "adjudicator", "admin"];

/** SQLite binds at most 32766 parameters; stay far below in `in (…)` lists and bulk inserts. */
const CHUNK = 500;

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** mulberry32: a small, well-spread 32-bit PRNG — the same seed gives the same deal anywhere. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates over a copy. */
function shuffled<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface AssignmentDeal {
  /** Each article's first analyst, then (for the overlap) its second. */
  rows: { articleId: number; analystId: number }[];
  /** Articles that got a second analyst. */
  doubled: number;
}

/** Seeded shuffles of the team tried per round, the one that evens out the pairs best kept. */
const ROUND_CANDIDATES = 8;

/**
 * Deals `articleIds` to `analystIds`. The articles are shuffled by the seed and the first
 * round(n × overlap%) of them are doubled; each article becomes one slot (two, side by side, for
 * a doubled one) and the slots are dealt in rounds, each round giving every analyst exactly one
 * slot in a seeded order — so everyone's total differs by at most one, the doubled articles
 * spread evenly too, and an article's two slots always go to two different analysts. Among a few
 * seeded orders per round the one that uses the least-used analyst pairs is kept, so agreement
 * gets figures for every pair. Pure: the same inputs and seed always give the same deal.
 */
export function dealAssignments(
  articleIds: readonly number[],
  analystIds: readonly number[],
  overlapPercent: number,
  seed: number,
): AssignmentDeal {
  const random = seededRandom(seed);
  const order = shuffled(
    [...new Set(articleIds)].sort((a, b) => a - b),
    random,
  );
  const team = [...new Set(analystIds)].sort((a, b) => a - b);
  const k = team.length;
  if (k === 0) return { rows: [], doubled: 0 };
  const n = order.length;
  const percent = Math.min(100, Math.max(0, overlapPercent));
  const doubled = k < 2 ? 0 : Math.floor((n * percent + 50) / 100);
  // Slots: [a1, a1, a2, a2, …, am, am, am+1, …, an] — a doubled article's two slots adjacent.
  const slots: number[] = [];
  order.forEach((articleId, i) => {
    slots.push(articleId);
    if (i < doubled) slots.push(articleId);
  });
  const doubledSlots = 2 * doubled;

  const pairs = new Map<string, number>();
  const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  /** The pairs a round's order makes: positions where a doubled article's second slot falls. */
  const roundPairs = (start: number, perm: number[], previousLast: number | undefined) => {
    const made: [number, number][] = [];
    for (let j = 0; j < perm.length; j++) {
      const slot = start + j;
      // Slot 2i+1 is the second of doubled article i; its first is the slot before.
      if (slot < doubledSlots && slot % 2 === 1) {
        const before = j === 0 ? previousLast : perm[j - 1];
        if (before !== undefined) made.push([before, perm[j] as number]);
      }
    }
    return made;
  };

  const rows: AssignmentDeal["rows"] = [];
  let previousLast: number | undefined;
  for (let start = 0; start < slots.length; start += k) {
    let best: number[] | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let c = 0; c < ROUND_CANDIDATES; c++) {
      const perm = shuffled(team, random);
      const made = roundPairs(start, perm, previousLast);
      if (made.some(([a, b]) => a === b)) continue;
      const cost = made.reduce((sum, [a, b]) => sum + (pairs.get(pairKey(a, b)) ?? 0), 0);
      if (cost < bestCost) {
        best = perm;
        bestCost = cost;
      }
      if (start >= doubledSlots) break; // no pairs left to balance
    }
    if (best === null) {
      // Every candidate put the same analyst on both slots across the round boundary: rotate.
      const perm = shuffled(team, random);
      if (perm[0] === previousLast) perm.push(perm.shift() as number);
      best = perm;
    }
    for (const [a, b] of roundPairs(start, best, previousLast))
      pairs.set(pairKey(a, b), (pairs.get(pairKey(a, b)) ?? 0) + 1);
    const take = Math.min(k, slots.length - start);
    for (let j = 0; j < take; j++)
      rows.push({ articleId: slots[start + j] as number, analystId: best[j] as number });
    previousLast = best[k - 1];
  }
  return { rows, doubled };
}

export interface AssignmentPreviewAnalyst {
  analystId: number;
  name: string;
  /** Articles dealt to them in all (first and second). */
  articles: number;
  /** Of those, articles they share with a second analyst. */
  shared: number;
}

export interface AssignmentPreview {
  articles: number;
  doubleAnnotated: number;
  seed: number;
  analysts: AssignmentPreviewAnalyst[];
}

interface Plan extends AssignmentPreview {
  rows: AssignmentDeal["rows"];
  filter: string | null;
}

/** The analysts, checked: each exists, can sign in, is not disabled and may annotate. */
function checkAnalysts(db: DbExecutor, ids: readonly number[]): Map<number, string> {
  const found = db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
      email: users.email,
    })
    .from(users)
    .where(inArray(users.id, [...ids]))
    .all();
  const byId = new Map(found.map((u) => [u.id, u]));
  const names = new Map<number, string>();
  for (const id of ids) {
    const user = byId.get(id);
    if (!user) throw new InvalidInputError("analystIds", `User ${id} does not exist.`);
    if (user.disabled)
      throw new InvalidInputError("analystIds", `${user.name} is disabled and cannot annotate.`);
    if (!ASSIGNABLE_ROLES.includes(user.role))
      throw new InvalidInputError(
        "analystIds",
        `${user.name} is a ${user.role} and cannot annotate; only analysts, adjudicators and admins can.`,
      );
    if (user.email === null)
      throw new InvalidInputError("analystIds", `${user.name} cannot sign in, so cannot annotate.`);
    names.set(id, user.name);
  }
  return names;
}

/** The articles to deal: the given ids (each must exist), or every article with a matching claim. */
function selectArticles(db: DbExecutor, input: TAssignmentSetCreateInput): number[] {
  if (input.articleIds !== undefined) {
    const wanted = [...new Set(input.articleIds)];
    const existing = new Set<number>();
    for (const part of chunks(wanted))
      for (const row of db
        .select({ id: articles.id })
        .from(articles)
        .where(inArray(articles.id, part))
        .all())
        existing.add(row.id);
    const missing = wanted.find((id) => !existing.has(id));
    if (missing !== undefined)
      throw new InvalidInputError("articleIds", `Article ${missing} does not exist.`);
    return wanted.sort((a, b) => a - b);
  }
  // The team's view (gold over the suggestions): an admin deals articles by what they hold.
  const view = { kind: "gold" } as const;
  const ids = db
    .selectDistinct({ id: claims.articleId })
    .from(claims)
    .leftJoin(layer, layerJoin(view))
    .where(viewWhere(input.filter ?? {}, view))
    .orderBy(asc(claims.articleId))
    .all()
    .map((r) => r.id);
  if (ids.length === 0)
    throw new InvalidInputError("filter", "No article has a claim that this filter matches.");
  return ids;
}

function plan(db: DbExecutor, input: TAssignmentSetCreateInput): Plan {
  const names = checkAnalysts(db, input.analystIds);
  const articleIds = selectArticles(db, input);
  const seed = input.seed ?? Math.floor(Math.random() * 2 ** 31);
  const deal = dealAssignments(articleIds, input.analystIds, input.overlapPercent, seed);
  const perArticle = new Map<number, number>();
  for (const r of deal.rows) perArticle.set(r.articleId, (perArticle.get(r.articleId) ?? 0) + 1);
  const analysts = input.analystIds.map((analystId) => {
    const mine = deal.rows.filter((r) => r.analystId === analystId);
    return {
      analystId,
      name: names.get(analystId) ?? "",
      articles: mine.length,
      shared: mine.filter((r) => (perArticle.get(r.articleId) ?? 0) > 1).length,
    };
  });
  return {
    articles: articleIds.length,
    doubleAnnotated: deal.doubled,
    seed,
    analysts,
    rows: deal.rows,
    filter: input.filter !== undefined ? (input.filterSearch ?? "").replace(/^\?/, "") : null,
  };
}

/** What `createAssignmentSet` would deal, without writing anything (pass the same seed to both). */
export function previewAssignmentSet(
  db: DbExecutor,
  input: TAssignmentSetCreateInput,
): AssignmentPreview {
  const { rows: _rows, filter: _filter, ...preview } = plan(db, input);
  return preview;
}

/** Deals and saves a set, with an audit event; returns its id and the deal's figures. */
export function createAssignmentSet(
  db: DbExecutor,
  input: TAssignmentSetCreateInput,
  adminId: number | null,
): AssignmentPreview & { id: number } {
  return writeTransaction(db, (tx) => {
    const p = plan(tx, input);
    const set = tx
      .insert(assignmentSets)
      .values({
        label: input.label.trim(),
        filter: p.filter,
        overlapPercent: input.overlapPercent,
        createdBy: adminId,
      })
      .returning({ id: assignmentSets.id })
      .get();
    for (const part of chunks(p.rows))
      tx.insert(assignments)
        .values(
          part.map((r) => ({ setId: set.id, articleId: r.articleId, analystId: r.analystId })),
        )
        .run();
    writeAuditEvent(tx, {
      entity: "assignment",
      entityId: set.id,
      action: "create",
      actorId: adminId,
      before: null,
      after: {
        label: input.label.trim(),
        filter: p.filter,
        articleIds: input.articleIds === undefined ? null : [...new Set(input.articleIds)],
        analystIds: input.analystIds,
        overlapPercent: input.overlapPercent,
        seed: p.seed,
        articles: p.articles,
        doubleAnnotated: p.doubleAnnotated,
      },
    });
    const { rows: _rows, filter: _filter, ...preview } = p;
    return { id: set.id, ...preview };
  });
}

/** One analyst's progress on their articles of a set: claims that are not rejected, those they
 * annotated and submitted, and those still in their queue (suggested, or accepted and unannotated). */
export interface AssignmentProgress {
  articles: number;
  claims: number;
  annotated: number;
  submitted: number;
  pending: number;
}

export interface AssignmentSetAnalyst extends AssignmentProgress {
  analystId: number;
  name: string;
}

export interface AssignmentSetSummary {
  id: number;
  label: string;
  /** The claims-table query string the articles were chosen by, or null for chosen articles. */
  filter: string | null;
  overlapPercent: number;
  createdBy: string | null;
  createdAt: string;
  articles: number;
  doubleAnnotated: number;
  analysts: AssignmentSetAnalyst[];
}

/** The analyst's own layer row of each claim of their assigned articles. */
const own = alias(claimLayers, "own");
/** A claim's status in the analyst's own layer (the suggestion's, until they decide). */
const ownStatus = sql`iif(${own.id} is null, ${claims.status}, ${own.status})`;
/** Counts only the claims the analyst has not rejected. */
const kept = (column: SQL | SQLiteColumn) =>
  sql<number>`count(case when ${ownStatus} <> 'rejected' then ${column} end)`.mapWith(Number);

const progressColumns = {
  articles: sql<number>`count(distinct ${assignments.articleId})`.mapWith(Number),
  claims: kept(claims.id),
  annotated: kept(annotations.id),
  submitted: kept(annotations.submittedAt),
  pending:
    sql<number>`coalesce(sum(case when ${ownStatus} = 'suggested' or (${ownStatus} = 'accepted' and ${annotations.id} is null) then 1 else 0 end), 0)`.mapWith(
      Number,
    ),
};

/** Per (set, analyst) progress rows for the assignments matching `where`: each claim of an
 * assigned article as that analyst's own layer has it (the suggestions, their decisions, their
 * hand-made claims; never another analyst's), with only their own annotation. */
function progressRows(db: DbExecutor, where: SQL | undefined) {
  return db
    .select({
      setId: assignments.setId,
      analystId: assignments.analystId,
      name: users.name,
      ...progressColumns,
    })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.analystId))
    .leftJoin(
      claims,
      and(
        eq(claims.articleId, assignments.articleId),
        // A hand-made claim counts only for the analysts whose layer holds it.
        sql`(${claims.origin} <> 'analyst' or exists (select 1 from ${claimLayers} where ${claimLayers.claimId} = ${claims.id} and ${claimLayers.analystId} = ${assignments.analystId}))`,
      ),
    )
    .leftJoin(own, and(eq(own.claimId, claims.id), eq(own.analystId, assignments.analystId)))
    .leftJoin(
      annotations,
      and(eq(annotations.claimId, claims.id), eq(annotations.analystId, assignments.analystId)),
    )
    .where(where)
    .groupBy(assignments.setId, assignments.analystId)
    .orderBy(asc(assignments.setId), asc(users.name), asc(assignments.analystId))
    .all();
}

function setCounts(db: DbExecutor, setIds: number[]) {
  const counts = new Map<number, { articles: number; doubled: number }>();
  if (setIds.length === 0) return counts;
  const rows = db.all<{ setId: number; articles: number; doubled: number }>(sql`
    select set_id as setId, count(*) as articles, sum(n > 1) as doubled
    from (select set_id, article_id, count(*) as n from assignments
          where set_id in (${sql.join(
            setIds.map((id) => sql`${id}`),
            sql`, `,
          )})
          group by set_id, article_id)
    group by set_id`);
  for (const r of rows)
    counts.set(r.setId, { articles: Number(r.articles), doubled: Number(r.doubled ?? 0) });
  return counts;
}

function summaries(db: DbExecutor, setFilter?: number): AssignmentSetSummary[] {
  const sets = db
    .select({
      id: assignmentSets.id,
      label: assignmentSets.label,
      filter: assignmentSets.filter,
      overlapPercent: assignmentSets.overlapPercent,
      createdBy: users.name,
      createdAt: assignmentSets.createdAt,
    })
    .from(assignmentSets)
    .leftJoin(users, eq(users.id, assignmentSets.createdBy))
    .where(setFilter === undefined ? undefined : eq(assignmentSets.id, setFilter))
    .orderBy(desc(assignmentSets.id))
    .all();
  if (sets.length === 0) return [];
  const ids = sets.map((s) => s.id);
  const counts = setCounts(db, ids);
  const progress = progressRows(
    db,
    setFilter === undefined ? undefined : eq(assignments.setId, setFilter),
  );
  return sets.map((s) => ({
    ...s,
    createdAt: s.createdAt.toISOString(),
    articles: counts.get(s.id)?.articles ?? 0,
    doubleAnnotated: counts.get(s.id)?.doubled ?? 0,
    analysts: progress.filter((p) => p.setId === s.id).map(({ setId: _setId, ...p }) => p),
  }));
}

/** Every set, newest first, with per-analyst progress. */
export function listAssignmentSets(db: DbExecutor): AssignmentSetSummary[] {
  return summaries(db);
}

export interface AssignmentSetArticle {
  articleId: number;
  title: string | null;
  /** Everyone this article is dealt to in the set (two for the double-annotated ones). */
  analystIds: number[];
}

/** One set with per-analyst progress and every article with its analysts. */
export function assignmentSetDetail(
  db: DbExecutor,
  id: number,
): AssignmentSetSummary & { articleList: AssignmentSetArticle[] } {
  const [summary] = summaries(db, id);
  if (!summary) throw new NotFoundError("assignment set", id);
  const rows = db
    .select({
      articleId: assignments.articleId,
      title: articles.title,
      analystId: assignments.analystId,
    })
    .from(assignments)
    .innerJoin(articles, eq(articles.id, assignments.articleId))
    .where(eq(assignments.setId, id))
    .orderBy(asc(assignments.articleId), asc(assignments.id))
    .all();
  const byArticle = new Map<number, AssignmentSetArticle>();
  for (const r of rows) {
    const entry = byArticle.get(r.articleId) ?? {
      articleId: r.articleId,
      title: r.title,
      analystIds: [],
    };
    entry.analystIds.push(r.analystId);
    byArticle.set(r.articleId, entry);
  }
  return { ...summary, articleList: [...byArticle.values()] };
}

export interface MyAssignmentSet extends AssignmentProgress {
  setId: number;
  label: string;
  createdAt: string;
}

/** The sets `analystId` has articles in, newest first, with their own progress in each. */
export function myAssignmentSets(db: DbExecutor, analystId: number): MyAssignmentSet[] {
  const progress = progressRows(db, eq(assignments.analystId, analystId));
  if (progress.length === 0) return [];
  const sets = db
    .select({
      id: assignmentSets.id,
      label: assignmentSets.label,
      createdAt: assignmentSets.createdAt,
    })
    .from(assignmentSets)
    .where(
      inArray(
        assignmentSets.id,
        progress.map((p) => p.setId),
      ),
    )
    .all();
  const byId = new Map(sets.map((s) => [s.id, s]));
  return progress
    .map(({ setId, analystId: _a, name: _n, ...p }) => {
      const set = byId.get(setId);
      return {
        setId,
        label: set?.label ?? "",
        createdAt: set?.createdAt.toISOString() ?? "",
        ...p,
      };
    })
    .sort((a, b) => b.setId - a.setId);
}

/** Every article assigned to `analystId` in any set, ascending. */
export function assignedArticleIds(db: DbExecutor, analystId: number): number[] {
  return db
    .selectDistinct({ id: assignments.articleId })
    .from(assignments)
    .where(eq(assignments.analystId, analystId))
    .orderBy(asc(assignments.articleId))
    .all()
    .map((r) => r.id);
}

/** True when `analystId` has any assignment: their review queue then holds only those articles. */
export function hasAssignments(db: DbExecutor, analystId: number): boolean {
  return (
    db
      .select({ id: assignments.id })
      .from(assignments)
      .where(eq(assignments.analystId, analystId))
      .limit(1)
      .get() !== undefined
  );
}
