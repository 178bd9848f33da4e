/**
 * Claim layers: each analyst's own version of a claim, and the team's gold version.
 *
 * A `claims` row is a proposal: a rule's suggestion (shared and read-only) or the claim an analyst
 * added by hand. An analyst's decisions on it (accept or reject, their spans, registry source,
 * quote type, parent and proposition) live in their own layer row, written copy-on-write the
 * first time they change anything; until then they see the proposal as it is. The gold row
 * (analyst null) is what the team settled on: the only analyst's layer, the unanimous merge, or
 * the adjudicator's decision (see queries/gold.ts). Every reader sees the proposal overlaid with
 * exactly one layer: their own, or the gold one (see queries/layer-view.ts).
 */
import {
  CLAIM_STATUSES,
  GOLD_BASES,
  LAYER_KINDS,
  QUOTE_TYPES,
  type TDisputeField,
} from "@claimdesk/types";
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { judgementColumns } from "./annotations";
import { articles } from "./articles";
import { claims } from "./claims";
import { createdAt, updatedAt } from "./columns";
import { propositions } from "./propositions";
import { sources } from "./sources";
import { users } from "./users";

export const claimLayers = sqliteTable(
  "claim_layers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The proposal this layer decides on (its "unit"). */
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    /** Denormalised from the claim, so "this analyst's layer of this article" is one index range. */
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: LAYER_KINDS }).notNull(),
    /** The analyst whose layer this is; null for the gold layer. */
    analystId: integer("analyst_id").references(() => users.id),
    /** `suggested` in an analyst's layer: touched but not yet accepted or rejected. */
    status: text("status", { enum: CLAIM_STATUSES }).notNull(),
    contentStart: integer("content_start").notNull(),
    contentEnd: integer("content_end").notNull(),
    contentText: text("content_text").notNull(),
    sourceStart: integer("source_start"),
    sourceEnd: integer("source_end"),
    sourceText: text("source_text"),
    cueStart: integer("cue_start"),
    cueEnd: integer("cue_end"),
    cueText: text("cue_text"),
    cueLemma: text("cue_lemma"),
    sourceId: integer("source_id").references(() => sources.id, { onDelete: "set null" }),
    quoteType: text("quote_type", { enum: QUOTE_TYPES }).notNull(),
    /** The parent claim (a proposal id, so layers of one article nest the same way). */
    parentClaimId: integer("parent_claim_id").references(() => claims.id, {
      onDelete: "set null",
    }),
    propositionId: integer("proposition_id").references(() => propositions.id, {
      onDelete: "set null",
    }),
    /** Gold only: the team's judgement (an analyst's own lives in `annotations`). */
    ...judgementColumns(),
    /** Gold only: how it was reached. */
    basis: text("basis", { enum: GOLD_BASES }),
    /** Optimistic-concurrency token of this layer's version of the claim. */
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One layer row per analyst per claim; one gold row per claim (a NULL analyst is never equal).
    uniqueIndex("claim_layers_claim_analyst_uq").on(t.claimId, t.analystId),
    uniqueIndex("claim_layers_gold_uq").on(t.claimId).where(sql`${t.kind} = 'gold'`),
    index("claim_layers_analyst_article_idx").on(t.analystId, t.articleId),
    index("claim_layers_analyst_status_idx").on(t.analystId, t.status, t.claimId),
    index("claim_layers_article_idx").on(t.articleId, t.kind),
    index("claim_layers_source_idx").on(t.sourceId),
    index("claim_layers_proposition_idx").on(t.propositionId),
  ],
);

/**
 * An analyst's submission of their layer of an article: from then on they see the other
 * analysts' submitted layers of it, their layer counts for agreement and gold, and it is frozen.
 */
export const articleSubmissions = sqliteTable(
  "article_submissions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    analystId: integer("analyst_id")
      .notNull()
      .references(() => users.id),
    submittedAt: createdAt(),
  },
  (t) => [
    uniqueIndex("article_submissions_article_analyst_uq").on(t.articleId, t.analystId),
    index("article_submissions_analyst_idx").on(t.analystId, t.articleId),
  ],
);

/**
 * A claim (unit) on which the submitted layers of its article disagree, kept by queries/gold.ts
 * each time the article's gold is rebuilt: the adjudication queue pages through this table.
 * `open` until every disputed field is decided.
 */
export const claimDisputes = sqliteTable(
  "claim_disputes",
  {
    claimId: integer("claim_id")
      .primaryKey()
      .references(() => claims.id, { onDelete: "cascade" }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    /** The fields whose submitted values differ. */
    fields: text("fields", { mode: "json" }).$type<TDisputeField[]>().notNull(),
    open: integer("open", { mode: "boolean" }).notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("claim_disputes_open_idx").on(t.open, t.claimId),
    index("claim_disputes_article_idx").on(t.articleId),
  ],
);
