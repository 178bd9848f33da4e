/** What the readers yield: records to process, and files or records that cannot be. */
import type { TArticleFields } from "@claimdesk/types";

/**
 * One record to import. Plain data only (structured-clone-able: it may be posted to a worker
 * thread). Whole files carry their bytes (decoded later, where bad bytes become a failed record);
 * structured records carry their mapped fields and the 1-based line they start on.
 */
export type InputRecord =
  | { kind: "text"; file: string; line: null; bytes: Uint8Array }
  | { kind: "html"; file: string; line: null; bytes: Uint8Array }
  | { kind: "fields"; file: string; line: number; fields: TArticleFields };

export type InputEvent =
  | { kind: "record"; record: InputRecord }
  /** A record that is broken as read (malformed JSON, wrong column count, no body): it fails alone. */
  | { kind: "invalid"; file: string; line: number | null; reason: string }
  /** A file whose format the worker cannot import. */
  | { kind: "skipped"; file: string; extension: string }
  /** A path or file that could not be opened: nothing (more) of it was read. */
  | { kind: "unreadable"; path: string; reason: string };
