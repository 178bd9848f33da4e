/** Who annotates what: an admin assigns a set of articles to analysts, some of them twice. */
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { articles } from "./articles";
import { createdAt } from "./columns";
import { users } from "./users";

/** One assignment run: which articles (listed, or those a saved claims-table filter matched),
 * to whom, and what share of them a second analyst also gets. */
export const assignmentSets = sqliteTable("assignment_sets", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  label: text("label").notNull(),
  /** The claims-table filter (URL query string) the articles were chosen by, if any. */
  filter: text("filter"),
  /** 0–100: share of the articles given to two analysts, for agreement. */
  overlapPercent: integer("overlap_percent").notNull(),
  createdBy: integer("created_by").references(() => users.id),
  createdAt: createdAt(),
});

export const assignments = sqliteTable(
  "assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    setId: integer("set_id")
      .notNull()
      .references(() => assignmentSets.id, { onDelete: "cascade" }),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    analystId: integer("analyst_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("assignments_set_article_analyst_uq").on(t.setId, t.articleId, t.analystId),
    index("assignments_analyst_idx").on(t.analystId, t.articleId),
    index("assignments_article_idx").on(t.articleId),
  ],
);
