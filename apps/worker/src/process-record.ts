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
import {
  loadFailure,
  maxFileBytes,
  type RecordFailure,
  readWholeFileSync,
} from "./readers/read-whole-file";

/** `note`: what was assumed to read it, e.g. "assumed windows-1252 (detected, confidence 0.54)". */
export type ProcessedRecord =
  | { ok: true; article: TProcessedArticle; note?: string }
  | RecordFailure;

/** Pure and synchronous, so `--jobs` can run it in worker threads unchanged. */
export function processRecord(record: InputRecord): ProcessedRecord {
  let article: TProcessedArticle;
  let note: string | undefined;
  try {
    // No `filename`: it would only prefix the reason, and import_errors keeps the file apart.
    if (record.kind === "fields") {
      article = processArticleFields(record.fields, { collection: record.collection });
    } else {
      const loaded = load(record);
      if (!loaded.ok) return loaded;
      const decoded = decode(record.kind, loaded.bytes, record.encoding);
      if (!decoded.ok) return decoded;
      note = decoded.note;
      article = record.kind === "html" ? processHtml(decoded.text) : processPlainText(decoded.text);
    }
  } catch (error) {
    return { ok: false, reason: messageOf(error) };
  }
  if (article.text.trim() === "") {
    return { ok: false, reason: "empty after cleaning (nothing but boilerplate)" };
  }
  const mismatch = findSpanMismatch(article);
  if (mismatch !== null) return { ok: false, reason: mismatch };
  return note === undefined ? { ok: true, article } : { ok: true, article, note };
}

type Loaded = { ok: true; bytes: Uint8Array } | RecordFailure;

/** A whole file's bytes: given, or read (and gunzipped) here. */
function load(record: Exclude<InputRecord, { kind: "fields" }>): Loaded {
  if ("bytes" in record) return { ok: true, bytes: record.bytes };
  try {
    return {
      ok: true,
      bytes: readWholeFileSync(record.file, record.gzip, maxFileBytes(record.kind)),
    };
  } catch (error) {
    return loadFailure(error);
  }
}

type Decoded = { ok: true; text: string; note?: string } | { ok: false; reason: string };

/**
 * A forced `encoding` (--encoding) decides for text and HTML alike (a BOM still wins); otherwise
 * HTML goes by its meta charset and plain text, undeclared, by UTF-8 or else a detected legacy
 * charset, which the note reports.
 */
function decode(kind: "text" | "html", bytes: Uint8Array, encoding: string | undefined): Decoded {
  let text: string;
  let note: string | undefined;
  try {
    const decoded =
      encoding !== undefined
        ? decodeText(bytes, encoding)
        : kind === "html"
          ? decodeHtml(bytes)
          : decodeText(bytes, undefined, { detectLegacy: true });
    text = decoded.text;
    if (decoded.detected !== undefined) {
      const confidence = decoded.detected.confidence.toFixed(2);
      note = `assumed ${decoded.encoding} (detected, confidence ${confidence}; --encoding to override)`;
    }
  } catch (error) {
    return { ok: false, reason: `cannot decode: ${messageOf(error)}` };
  }
  // After decoding, so UTF-16 (whose ASCII has NUL bytes) is not mistaken for binary.
  const nul = text.indexOf("\u0000");
  if (nul >= 0) return { ok: false, reason: `binary file: NUL character at offset ${nul}` };
  if (text.trim() === "") return { ok: false, reason: "empty file" };
  return note === undefined ? { ok: true, text } : { ok: true, text, note };
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
