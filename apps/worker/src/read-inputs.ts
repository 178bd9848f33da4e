/** Walks the import's input paths in a stable order and yields the raw records their files hold. */
import { opendir, readFile, realpath, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";

/** One record to import: a whole file (line null) or, for line-based formats, one line of it. */
export interface InputRecord {
  file: string;
  line: number | null;
  bytes: Uint8Array;
}

export type InputEvent =
  | { kind: "record"; record: InputRecord }
  /** A file whose format the worker cannot import (yet). */
  | { kind: "skipped"; file: string; extension: string }
  /** A path or file that could not be opened: nothing of it was read. */
  | { kind: "unreadable"; path: string; reason: string };

type RecordReader = (file: string) => AsyncIterable<InputRecord>;

async function* wholeFile(file: string): AsyncIterable<InputRecord> {
  yield { file, line: null, bytes: await readFile(file) };
}

/** Readers by lower-cased extension; line-based formats (JSONL, CSV) add their own here. */
const READERS: Readonly<Record<string, RecordReader>> = {
  ".txt": wholeFile,
  ".md": wholeFile,
};

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);

/**
 * Yields the records of every supported file under `paths` (files or directories, recursively),
 * directories in code-unit order of their entry names, so a rerun meets records in the same order.
 * Only one directory listing and one file are held in memory at a time.
 */
export async function* readInputs(paths: readonly string[]): AsyncGenerator<InputEvent> {
  for (const path of paths) yield* readPath(resolve(path), new Set());
}

async function* readPath(path: string, ancestors: Set<string>): AsyncGenerator<InputEvent> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    yield { kind: "unreadable", path, reason: describeFsError(error) };
    return;
  }
  if (isDirectory) yield* readDirectory(path, ancestors);
  else yield* readFileRecords(path);
}

async function* readDirectory(dir: string, ancestors: Set<string>): AsyncGenerator<InputEvent> {
  let names: string[];
  let real: string;
  try {
    real = await realpath(dir);
    names = await listVisibleEntries(dir);
  } catch (error) {
    yield { kind: "unreadable", path: dir, reason: describeFsError(error) };
    return;
  }
  // A symlink back to an ancestor would otherwise loop forever.
  if (ancestors.has(real)) return;
  const inner = new Set(ancestors).add(real);
  for (const name of names) yield* readPath(join(dir, name), inner);
}

async function listVisibleEntries(dir: string): Promise<string[]> {
  const names: string[] = [];
  const handle = await opendir(dir);
  for await (const entry of handle) {
    // Hidden entries (.git, .DS_Store) are tooling, not articles; they are neither read nor reported.
    if (!entry.name.startsWith(".")) names.push(entry.name);
  }
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function* readFileRecords(file: string): AsyncGenerator<InputEvent> {
  const extension = extname(file).toLowerCase();
  const reader = READERS[extension];
  if (reader === undefined) {
    yield { kind: "skipped", file, extension: extension || "(none)" };
    return;
  }
  try {
    for await (const record of reader(file)) yield { kind: "record", record };
  } catch (error) {
    yield { kind: "unreadable", path: file, reason: describeFsError(error) };
  }
}

const FS_ERROR_REASONS: Readonly<Record<string, string>> = {
  ENOENT: "No such file or directory",
  EACCES: "Permission denied",
  EPERM: "Operation not permitted",
  ENOTDIR: "Not a directory",
  ELOOP: "Too many levels of symbolic links",
};

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const known = code === undefined ? undefined : FS_ERROR_REASONS[code];
  if (known !== undefined) return known;
  return error instanceof Error ? error.message : String(error);
}
