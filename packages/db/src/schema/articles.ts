/** Articles: the cleaned text every claim offset refers to. FTS5 lives in a custom migration. */
import { type AnySQLiteColumn, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns";
import { importJobs } from "./import-jobs";

export const articles = sqliteTable(
  "articles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    externalId: text("external_id"),
    /** Where externalId is unique (the corpus file's name): see ZProcessedArticleSchema. */
    collection: text("collection"),
    url: text("url"),
    title: text("title"),
    publisher: text("publisher"),
    byline: text("byline"),
    /** ISO 8601 date or date-time, as precise as the source gives it. */
    publishedAt: text("published_at"),
    language: text("language"),
    /** Cleaned body: the immutable snapshot all offsets refer to. */
    text: text("text").notNull(),
    /** SHA-256 of `text`, hex: the dedupe key. */
    textSha256: text("text_sha256").notNull().unique(),
    /** `name@version` of the extractor that produced `text`. */
    extractor: text("extractor").notNull(),
    importJobId: integer("import_job_id").references(() => importJobs.id, { onDelete: "set null" }),
    /** The earlier version of the same document (same externalId or url) whose text differed:
     * a changed text is imported as a new version, never by rewriting annotated text. */
    previousVersionId: integer("previous_version_id").references(
      (): AnySQLiteColumn => articles.id,
      {
        onDelete: "set null",
      },
    ),
    createdAt: createdAt(),
  },
  (t) => [
    index("articles_collection_external_id_idx").on(t.collection, t.externalId),
    index("articles_url_idx").on(t.url),
    index("articles_publisher_idx").on(t.publisher),
    index("articles_published_at_idx").on(t.publishedAt),
  ],
);
