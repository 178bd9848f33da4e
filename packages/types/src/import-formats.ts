/** Bulk-import inputs: the `--format` values and the article fields a JSONL/CSV record maps onto. */
import { z } from "zod";

/** `auto` picks the format from the file name (a trailing `.gz` is looked through). */
export const ZInputFormatSchema = z.enum(["auto", "text", "html", "jsonl", "csv"]);
export type TInputFormat = z.infer<typeof ZInputFormatSchema>;

/**
 * Longer texts are not news articles (a dump, a book, a broken scrape) and would stall the rules.
 * Here rather than in ingest so the importer's reading thread can apply it without loading the
 * HTML extraction stack that only its processing threads need.
 */
export const MAX_ARTICLE_CHARS = 2_000_000;

/** Article fields a structured record (JSONL object, CSV row) can fill; `body` is required. */
export const ARTICLE_FIELD_NAMES = [
  "externalId",
  "title",
  "body",
  "url",
  "publisher",
  "publishedAt",
  "byline",
] as const;
export const ZArticleFieldNameSchema = z.enum(ARTICLE_FIELD_NAMES);
export type TArticleFieldName = z.infer<typeof ZArticleFieldNameSchema>;

/** One structured record after field mapping: plain-text body plus optional metadata. */
export const ZArticleFieldsSchema = z.object({
  externalId: z.string().nullable(),
  title: z.string().nullable(),
  body: z.string(),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  publishedAt: z.string().nullable(),
  byline: z.string().nullable(),
});
export type TArticleFields = z.infer<typeof ZArticleFieldsSchema>;
