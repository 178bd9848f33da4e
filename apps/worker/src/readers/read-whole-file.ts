/**
 * A whole-file article (text or HTML) read in one go, gunzipped when named `.gz`, by the thread
 * that processes it: reading and gunzipping then run in parallel with --jobs, and the reading
 * thread never holds (or hands over) a page's bytes, whose churn cost it most of its GC time.
 */
import { readFileSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { IMPORT_HTML_FILE_MAX_BYTES, IMPORT_TEXT_FILE_MAX_BYTES } from "@claimdesk/types";

// A whole-file article's text is capped at 2 M characters by ingest; this caps what is read for it
// (4 bytes a character at most). HTML carries markup, scripts and inline images around the text.
// The upload route takes the same caps from @claimdesk/types, so it accepts no file this refuses.
export const MAX_TEXT_FILE_BYTES = IMPORT_TEXT_FILE_MAX_BYTES;
export const MAX_HTML_FILE_BYTES = IMPORT_HTML_FILE_MAX_BYTES;

export const maxFileBytes = (kind: "text" | "html") =>
  kind === "html" ? MAX_HTML_FILE_BYTES : MAX_TEXT_FILE_BYTES;

/** Thrown when a file holds more than its cap; the message says by how much. */
export class InputTooLargeError extends Error {}

export function tooLargeMessage(maxBytes: number, gzip: boolean): string {
  return `too large: over ${(maxBytes / 1_000_000).toFixed(0)} MB${gzip ? " uncompressed" : ""}`;
}

/** The file's bytes (gunzipped if `gzip`); InputTooLargeError past `maxBytes`, else fs/zlib errors. */
export function readWholeFileSync(file: string, gzip: boolean, maxBytes: number): Uint8Array {
  if (!gzip) {
    // Checked before reading, so a huge file is not read to be refused.
    if (statSync(file).size > maxBytes)
      throw new InputTooLargeError(tooLargeMessage(maxBytes, gzip));
    return readFileSync(file);
  }
  try {
    return gunzipSync(readFileSync(file), { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
      throw new InputTooLargeError(tooLargeMessage(maxBytes, gzip));
    throw error;
  }
}

/** A record that failed, and why; `unreadable`: its file could not be read at all (reported with
 * the unreadable paths). */
export type RecordFailure = { ok: false; reason: string; unreadable?: true };

/** Why a whole file could not be loaded: too large (a failed record) or unreadable. */
export function loadFailure(error: unknown): RecordFailure {
  if (error instanceof InputTooLargeError) return { ok: false, reason: error.message };
  return { ok: false, reason: describeFsError(error), unreadable: true };
}

const FS_ERROR_REASONS: Readonly<Record<string, string>> = {
  ENOENT: "No such file or directory",
  EACCES: "Permission denied",
  EPERM: "Operation not permitted",
  ENOTDIR: "Not a directory",
  EISDIR: "Is a directory",
  ELOOP: "Too many levels of symbolic links",
  Z_DATA_ERROR: "Not valid gzip data (corrupt or not compressed)",
  Z_BUF_ERROR: "Truncated gzip data",
};

/** A file system or gzip error as a short reason for the failed-records list. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const known = code === undefined ? undefined : FS_ERROR_REASONS[code];
  if (known !== undefined) return known;
  return error instanceof Error ? error.message : String(error);
}
