/**
 * An adjudicator's decision on a claim the analysts' submitted layers disagree on: whether it is a
 * claim, its spans, registry source, quote type, proposition and judgement fields. Only the fields
 * named in `decidedFields` were decided (a null value there means "decided: none"); the gold layer
 * (queries/gold.ts) takes them over the analysts' values.
 */
import { CLAIM_STATUSES, QUOTE_TYPES, type TDisputeField } from "@claimdesk/types";
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { judgementColumns } from "./annotations";
import { claims } from "./claims";
import { createdAt, updatedAt } from "./columns";
import { propositions } from "./propositions";
import { sources } from "./sources";
import { users } from "./users";

export const adjudications = sqliteTable(
  "adjudications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    adjudicatorId: integer("adjudicator_id")
      .notNull()
      .references(() => users.id),
    ...judgementColumns(),
    status: text("status", { enum: CLAIM_STATUSES }),
    contentStart: integer("content_start"),
    contentEnd: integer("content_end"),
    contentText: text("content_text"),
    sourceStart: integer("source_start"),
    sourceEnd: integer("source_end"),
    sourceText: text("source_text"),
    cueStart: integer("cue_start"),
    cueEnd: integer("cue_end"),
    cueText: text("cue_text"),
    sourceId: integer("source_id").references(() => sources.id, { onDelete: "set null" }),
    quoteType: text("quote_type", { enum: QUOTE_TYPES }),
    propositionId: integer("proposition_id").references(() => propositions.id, {
      onDelete: "set null",
    }),
    /** The fields this decision settles (existence, spans, source, …, judgement fields). */
    decidedFields: text("decided_fields", { mode: "json" })
      .$type<TDisputeField[]>()
      .notNull()
      .default(sql`'[]'`),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("adjudications_claim_uq").on(t.claimId),
    index("adjudications_adjudicator_idx").on(t.adjudicatorId),
  ],
);
