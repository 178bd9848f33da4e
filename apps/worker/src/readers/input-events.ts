/** What the readers yield: records to process, and files or records that cannot be. */
import type { TArticleFields } from "@claimdesk/types";

/**
 * One record to import. Plain data only (structured-clone-able: it may be posted to a worker
 * thread). A whole file (text or HTML) is named, not read: the processing thread reads, gunzips
 * and decodes it (readers/read-whole-file.ts), where unreadable or bad bytes become a failed
 * record; `size` is its size on disk, for the in-flight bound. Bytes already in memory can be
 * given instead. Structured records carry their mapped fields and the 1-based line they start on.
 */
export type InputRecord =
  | (WholeFile & { gzip: boolean; size: number })
  | (WholeFile & { bytes: Uint8Array })
  | { kind: "fields"; file: string; line: number; collection: string; fields: TArticleFields };

/**
 * A whole-file article; `encoding` (the user's --encoding, a WHATWG label) overrides what the bytes
 * declare and what would be detected.
 */
type WholeFile = { kind: "text" | "html"; file: string; line: null; encoding?: string };

export type InputEvent =
  | { kind: "record"; record: InputRecord }
  /** A record that is broken as read (malformed JSON, wrong column count, no body): it fails alone. */
  | { kind: "invalid"; file: string; line: number | null; reason: string }
  /** A file whose format the worker cannot import. */
  | { kind: "skipped"; file: string; extension: string }
  /** A path or file that could not be opened: nothing (more) of it was read. */
  | { kind: "unreadable"; path: string; reason: string };
