/** Claims: one attribution relation [PARC: source, cue, content] in one article. */
import { CLAIM_STATUSES, QUOTE_TYPES } from "@claimdesk/types";
import {
  type AnySQLiteColumn,
  index,
  integer,
  real,
  sqliteTable,
  text,
} from "drizzle-orm/sqlite-core";
import { articles } from "./articles";
import { createdAt, updatedAt } from "./columns";
import { propositions } from "./propositions";
import { sources } from "./sources";
import { users } from "./users";

export const claims = sqliteTable(
  "claims",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    // Spans: UTF-16 offsets into articles.text plus the exact text, for re-anchoring.
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
    quoteType: text("quote_type", { enum: QUOTE_TYPES }).notNull().default("indirect"),
    parentClaimId: integer("parent_claim_id").references((): AnySQLiteColumn => claims.id, {
      onDelete: "set null",
    }),
    propositionId: integer("proposition_id").references(() => propositions.id, {
      onDelete: "set null",
    }),
    status: text("status", { enum: CLAIM_STATUSES }).notNull().default("suggested"),
    /** `rule:<name>@<version>` or `analyst`. */
    origin: text("origin").notNull(),
    /** The rule's confidence in a suggestion; null for analysts' claims. */
    score: real("score"),
    createdBy: integer("created_by").references(() => users.id),
    /** Bumped on every update: the optimistic-concurrency token. */
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("claims_article_idx").on(t.articleId, t.contentStart),
    index("claims_source_idx").on(t.sourceId),
    index("claims_status_idx").on(t.status),
    index("claims_proposition_idx").on(t.propositionId),
    // Analysts' own claims (agreement's span and source figures) and "recently changed" sorting.
    index("claims_created_by_idx").on(t.createdBy),
    index("claims_updated_at_idx").on(t.updatedAt),
  ],
);
