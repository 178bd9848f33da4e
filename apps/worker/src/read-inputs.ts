/** Walks the import's input paths in a stable order and yields the records their files hold. */
import { opendir, realpath, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { type TInputFormat, ZInputFormatSchema } from "@claimdesk/types";
import { detectFormat, extensionOf, SUPPORTED_EXTENSIONS } from "./readers/detect-format";
import { compileExcludes, type ExcludeTest } from "./readers/exclude-globs";
import type { FieldMap } from "./readers/field-map";
import type { InputEvent } from "./readers/input-events";
import { readCsv } from "./readers/read-csv";
import { readJsonl } from "./readers/read-jsonl";
import { describeFsError, maxFileBytes, tooLargeMessage } from "./readers/read-whole-file";

export { type FieldMap, parseFieldMap } from "./readers/field-map";
export type { InputEvent, InputRecord } from "./readers/input-events";
export { SUPPORTED_EXTENSIONS };

/** The `--format` values ("auto" by default). */
export const INPUT_FORMATS = ZInputFormatSchema;
export type InputFormat = TInputFormat;

export interface ReadOptions {
  /** Read every file as this format instead of going by its extension. */
  format?: InputFormat;
  /** Article field → JSONL field / CSV column, over the defaults in readers/field-map.ts. */
  map?: FieldMap;
  /**
   * Globs of files to leave out of directory walks, e.g. "expected*.html" (readability-test-pages'
   * reference outputs), on top of DEFAULT_EXCLUDES.
   */
  exclude?: string[];
  /**
   * Where structured records' ids are unique, so that a changed text with a known id becomes a
   * new version. By default each file is its own collection (its name without extensions): ids of
   * different corpora collide ("1"). Name one to let several files, say the daily dumps of one
   * feed, version each other's documents.
   */
  collection?: string;
  /**
   * The character encoding (a WHATWG label: "windows-1252", "iso-8859-15") of every whole-file
   * article (text, HTML) without a BOM, over its declaration and over detection.
   */
  encoding?: string;
}

/**
 * Left out of directory walks whatever `exclude` says: a corpus folder's documentation (every
 * corpus in ../shared/corpora has a README.txt) is not an article. A file named on the command
 * line is read all the same.
 */
export const DEFAULT_EXCLUDES: readonly string[] = [
  "README*",
  "LICENSE*",
  "LICENCE*",
  "CHANGELOG*",
];

interface Walk {
  format: InputFormat;
  map: FieldMap;
  excluded: ExcludeTest;
  collection: string | undefined;
  encoding: string | undefined;
}

/**
 * Yields the records of every supported file under `paths` (files or directories, recursively),
 * directories in code-unit order of their entry names, so a rerun meets records in the same order.
 * Only one directory listing, one whole file or one line/row of a JSONL/CSV file is held at a time.
 */
export async function* readInputs(
  paths: readonly string[],
  options: ReadOptions = {},
): AsyncGenerator<InputEvent> {
  const walk: Walk = {
    format: options.format ?? "auto",
    map: options.map ?? {},
    excluded: compileExcludes([...DEFAULT_EXCLUDES, ...(options.exclude ?? [])]),
    collection: options.collection,
    encoding: options.encoding,
  };
  for (const path of paths) yield* readPath(resolve(path), new Set(), walk, true);
}

async function* readPath(
  path: string,
  ancestors: Set<string>,
  walk: Walk,
  named: boolean,
): AsyncGenerator<InputEvent> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    yield { kind: "unreadable", path, reason: describeFsError(error) };
    return;
  }
  if (info.isDirectory()) yield* readDirectory(path, ancestors, walk);
  // Excludes thin out what a directory walk finds; a file named on the command line is wanted.
  else if (named || !walk.excluded(path)) yield* readFileRecords(path, info.size, walk);
}

async function* readDirectory(
  dir: string,
  ancestors: Set<string>,
  walk: Walk,
): AsyncGenerator<InputEvent> {
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
  for (const name of names) yield* readPath(join(dir, name), inner, walk, false);
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

async function* readFileRecords(
  file: string,
  size: number,
  walk: Walk,
): AsyncGenerator<InputEvent> {
  const detected = detectFormat(file, walk.format);
  if (detected === null) {
    yield { kind: "skipped", file, extension: extensionOf(file) || "(none)" };
    return;
  }
  const { format, gzip } = detected;
  try {
    if (format === "jsonl") yield* readJsonl(file, gzip, walk.map, walk.collection);
    else if (format === "csv") yield* readCsv(file, gzip, walk.map, walk.collection);
    else {
      // Read by the processing thread; a plain file over the cap is refused here without reading
      // it (a gzipped one is refused there, as it inflates).
      const limit = maxFileBytes(format);
      if (!gzip && size > limit) {
        yield { kind: "invalid", file, line: null, reason: tooLargeMessage(limit, gzip) };
        return;
      }
      const encoding = walk.encoding === undefined ? {} : { encoding: walk.encoding };
      yield { kind: "record", record: { kind: format, file, line: null, gzip, size, ...encoding } };
    }
  } catch (error) {
    yield { kind: "unreadable", path: file, reason: describeFsError(error) };
  }
}
