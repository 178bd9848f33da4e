/** Annotations: one analyst's judgement of one claim (unique per claim × analyst). */
import {
  ANALYTIC_CONFIDENCES,
  CREDIBILITIES,
  LIKELIHOODS,
  REPORTING_STANCES,
  SOURCE_STANCES,
  VERDICTS,
} from "@claimdesk/types";
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { claims } from "./claims";
import { createdAt, updatedAt } from "./columns";
import { users } from "./users";

/** The judgement an analyst records, and an adjudicator decides, for a claim. */
export const judgementColumns = () => ({
  sourceStance: text("source_stance", { enum: SOURCE_STANCES }),
  reportingStance: text("reporting_stance", { enum: REPORTING_STANCES }),
  likelihood: text("likelihood", { enum: LIKELIHOODS }),
  analyticConfidence: text("analytic_confidence", { enum: ANALYTIC_CONFIDENCES }),
  verdict: text("verdict", { enum: VERDICTS }),
  credibility: text("credibility", { enum: CREDIBILITIES }),
  note: text("note"),
});

export const annotations = sqliteTable(
  "annotations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    analystId: integer("analyst_id")
      .notNull()
      .references(() => users.id),
    ...judgementColumns(),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    /** Set when the analyst submits: until then others' annotations of the claim stay hidden
     * from them (blind annotation), and this one is left out of agreement figures. */
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("annotations_claim_analyst_uq").on(t.claimId, t.analystId),
    index("annotations_analyst_idx").on(t.analystId),
  ],
);

/** One row per tag of an annotation, so the claims table can filter by tag through an index.
 * Written together with `annotations.tags` by the annotation queries. */
export const annotationTags = sqliteTable(
  "annotation_tags",
  {
    annotationId: integer("annotation_id")
      .notNull()
      .references(() => annotations.id, { onDelete: "cascade" }),
    claimId: integer("claim_id")
      .notNull()
      .references(() => claims.id, { onDelete: "cascade" }),
    tag: text("tag").notNull(),
  },
  (t) => [
    uniqueIndex("annotation_tags_uq").on(t.annotationId, t.tag),
    index("annotation_tags_tag_idx").on(t.tag, t.claimId),
  ],
);
