/** The source registry: who speaks, shared across articles. */
import { RELIABILITIES, SOURCE_AFFILIATIONS, SOURCE_KINDS } from "@claimdesk/types";
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt, updatedAt } from "./columns";

export const sources = sqliteTable(
  "sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** Lower-cased, whitespace-folded name: the registry's matching key. */
    nameKey: text("name_key").notNull(),
    /** JSON array of alternative names. */
    aliases: text("aliases", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    kind: text("kind", { enum: SOURCE_KINDS }).notNull().default("generic"),
    affiliation: text("affiliation", { enum: SOURCE_AFFILIATIONS }).notNull().default("unknown"),
    country: text("country"),
    reliability: text("reliability", { enum: RELIABILITIES }).notNull().default("F"),
    /** Set when this source was merged into another; it stays for history. */
    mergedIntoId: integer("merged_into_id"),
    /** Claims citing this source, kept by triggers (see migration 0003) so lists sort by use cheaply. */
    claimCount: integer("claim_count").notNull().default(0),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("sources_name_key_uq").on(t.nameKey),
    index("sources_kind_idx").on(t.kind),
    index("sources_claim_count_idx").on(t.claimCount),
  ],
);

/** Every alias (and the name itself) as a row, so matching a mention is one indexed lookup. */
export const sourceAliases = sqliteTable(
  "source_aliases",
  {
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "cascade" }),
    aliasKey: text("alias_key").notNull(),
  },
  (t) => [
    uniqueIndex("source_aliases_key_uq").on(t.aliasKey),
    index("source_aliases_source_idx").on(t.sourceId),
  ],
);
