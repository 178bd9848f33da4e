/** Turns one input record into a processed article, or the reason it cannot be imported. */
import {
  decodeHtml,
  decodeText,
  processArticleFields,
  processHtml,
  processPlainText,
} from "@claimdesk/ingest";
import type { TProcessedArticle, TSpan } from "@claimdesk/types";
import type { InputRecord } from "./read-inputs";

export type ProcessedRecord =
  | { ok: true; article: TProcessedArticle }
  | { ok: false; reason: string };

/** Pure and synchronous, so `--jobs` can run it in worker threads unchanged. */
export function processRecord(record: InputRecord): ProcessedRecord {
  let article: TProcessedArticle;
  try {
    // No `filename`: it would only prefix the reason, and import_errors keeps the file apart.
    if (record.kind === "fields") article = processArticleFields(record.fields);
    else {
      const decoded = decode(record);
      if (!decoded.ok) return decoded;
      article = record.kind === "html" ? processHtml(decoded.text) : processPlainText(decoded.text);
    }
  } catch (error) {
    return { ok: false, reason: messageOf(error) };
  }
  if (article.text.trim() === "") {
    return { ok: false, reason: "empty after cleaning (nothing but boilerplate)" };
  }
  const mismatch = findSpanMismatch(article);
  return mismatch === null ? { ok: true, article } : { ok: false, reason: mismatch };
}

type Decoded = { ok: true; text: string } | { ok: false; reason: string };

function decode(record: InputRecord & { bytes: Uint8Array }): Decoded {
  let text: string;
  try {
    text = record.kind === "html" ? decodeHtml(record.bytes).text : decodeText(record.bytes).text;
  } catch (error) {
    return { ok: false, reason: `cannot decode: ${messageOf(error)}` };
  }
  // After decoding, so UTF-16 (whose ASCII has NUL bytes) is not mistaken for binary.
  const nul = text.indexOf("\u0000");
  if (nul >= 0) return { ok: false, reason: `binary file: NUL character at offset ${nul}` };
  if (text.trim() === "") return { ok: false, reason: "empty file" };
  return { ok: true, text };
}

/**
 * Every stored offset must point at its exact text, or the UI highlights the wrong words; a cheap
 * check here (not a full zod parse: this runs per record at bulk speed) keeps an ingest bug out.
 */
export function findSpanMismatch(article: TProcessedArticle): string | null {
  const misses = (span: TSpan | null) =>
    span !== null && article.text.slice(span.start, span.end) !== span.exact;
  for (const [index, claim] of article.claims.entries()) {
    for (const [name, span] of [
      ["content", claim.content],
      ["source", claim.sourceMention],
      ["cue", claim.cue],
    ] as const) {
      if (misses(span)) return `ingest error: claim ${index} ${name} span does not match the text`;
    }
  }
  return null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
