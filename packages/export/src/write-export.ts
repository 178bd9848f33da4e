/**
 * Runs an export: streams the selected claims through a formatter into one file, stdout, a web
 * response, or (with a split) a folder of one file per split plus the dataset card. Files are
 * written under a temporary name in the target's directory and renamed on success, so a failed
 * export never leaves a partial file behind.
 *
 * An export reads one snapshot of the database: all its queries (claims, annotations, history,
 * unclaimed articles, sources) run inside one read transaction on the connection it is given, so
 * rows committed meanwhile by the web app or an import are neither half nor partly in it. Give it a
 * connection of its own (the worker's, or the web route's read-only one): a transaction holds the
 * whole connection.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import {
  type AnnotationReader,
  agreementOfArticles,
  type Db,
  type ExportClaim,
  isUnfilteredSelection,
  iterateUnclaimedEntities,
  submittedAnalysts,
} from "@claimdesk/db";
import type { TClaimFilter, TExportFormat } from "@claimdesk/types";
import { readableExportClaims } from "./blind";
import { renderDatasetCard } from "./dataset-card";
import { ExportStats } from "./export-stats";
import type { ExportFormatter } from "./format";
import { createFormatter } from "./formats";
import { formatterFor } from "./history";
import { SPLIT_NAMES, type SplitName, type SplitRatios, splitOf } from "./splits";

/** Chunks are gathered up to this many UTF-16 units before being handed on. */
const CHUNK = 256 * 1024;

export interface ExportSelection {
  format: TExportFormat;
  filter: TClaimFilter;
  /** Adds each claim's audit history to its line (canonical JSONL only; see history.ts). */
  includeHistory?: boolean;
  /** Who exports, for the blind rule (see blind.ts); omitted: everything (the worker CLI). */
  reader?: AnnotationReader;
  /** Canonical JSONL: add every layer of each claim (the proposal and each analyst's). */
  layers?: boolean;
  /** The filter is the default reviewed-only selection (reviewed.ts): the dataset card says so. */
  reviewedOnly?: boolean;
}

/**
 * The export as text chunks, for one file: the web route wraps it in a ReadableStream, the CLI
 * writes it to stdout. Pass `stats` to collect counts on the way.
 */
export function* exportChunks(
  db: Db,
  selection: ExportSelection,
  stats?: ExportStats,
): Generator<string> {
  const end = beginSnapshot(db);
  try {
    yield* snapshotChunks(db, selection, stats);
  } finally {
    end();
  }
}

/**
 * Opens a read transaction on `db`'s connection and returns what ends it. A deferred BEGIN takes
 * its snapshot at its first read, so one is made at once: the export holds the database as it was
 * when it started. In WAL mode a reader blocks no writer; a caller already in a transaction keeps
 * its own (it already reads one snapshot).
 */
export function beginSnapshot(db: Db): () => void {
  const client = db.$client;
  if (client.inTransaction) return () => {};
  client.exec("BEGIN");
  client.prepare("select count(*) from sqlite_master").get();
  return () => {
    if (client.open && client.inTransaction) client.exec("COMMIT");
  };
}

function* snapshotChunks(
  db: Db,
  selection: ExportSelection,
  stats?: ExportStats,
): Generator<string> {
  const formatter = formatterFor(db, selection);
  let buffer = formatter.begin();
  let articleId = -1;
  const claims = readableExportClaims(
    db,
    selection.filter,
    selection.reader,
    selection.layers ?? false,
  );
  for (const claim of claims) {
    const first = claim.article.id !== articleId;
    articleId = claim.article.id;
    const text = formatter.claim(claim, first);
    stats?.add(claim, first, text !== "");
    buffer += text;
    if (buffer.length >= CHUNK) {
      yield buffer;
      buffer = "";
    }
  }
  if (formatter.entity && isUnfilteredSelection(selection.filter)) {
    for (const entity of iterateUnclaimedEntities(db, { layers: selection.layers ?? false })) {
      buffer += formatter.entity(entity);
      if (buffer.length >= CHUNK) {
        yield buffer;
        buffer = "";
      }
    }
  }
  buffer += formatter.end();
  if (buffer !== "") yield buffer;
}

/** The file name an export of `format` gets (`claims.jsonl`, `train.csv` …). */
export function exportFileName(format: TExportFormat, stem = "claims"): string {
  return `${stem}${createFormatter(format).extension}`;
}

export interface WriteExportOptions extends ExportSelection {
  /** A file path, "-" for `stdout`, or with `split` a folder that must not exist yet. */
  out: string;
  split?: { ratios: SplitRatios; seed: number };
  claimdeskVersion: string;
  exportedAt?: Date;
  /** Where "-" writes; process.stdout by default. */
  stdout?: NodeJS.WritableStream;
}

export interface WriteExportResult {
  /** Paths written (after the rename), README.md included. */
  files: string[];
  stats: ExportStats;
}

export async function writeExport(db: Db, options: WriteExportOptions): Promise<WriteExportResult> {
  const stats = new ExportStats();
  if (options.out === "-") {
    if (options.split) throw new Error("--split writes a folder: give --out a folder path, not -");
    const stdout = options.stdout ?? process.stdout;
    for (const chunk of exportChunks(db, options, stats)) {
      if (!stdout.write(chunk)) await new Promise<void>((r) => stdout.once("drain", () => r()));
    }
    return { files: [], stats };
  }
  return options.split
    ? writeSplitFolder(db, { ...options, split: options.split }, stats)
    : writeSingleFile(db, options, stats);
}

/** The articles whose agreement a reader's dataset card reports: for an analyst, only those they
 * submitted (elsewhere the figures would describe other analysts' work they may not see yet). */
function cardArticles(
  db: Db,
  articleIds: ReadonlySet<number>,
  reader: AnnotationReader | undefined,
): ReadonlySet<number> {
  if (reader?.role !== "analyst") return articleIds;
  return new Set([...articleIds].filter((id) => submittedAnalysts(db, id).includes(reader.id)));
}

const tempName = (path: string) =>
  join(dirname(path), `.${basename(path)}.partial-${process.pid}-${Date.now()}`);

function writeSingleFile(
  db: Db,
  options: WriteExportOptions,
  stats: ExportStats,
): WriteExportResult {
  mkdirSync(dirname(options.out), { recursive: true });
  const temp = tempName(options.out);
  const fd = openSync(temp, "w");
  try {
    for (const chunk of exportChunks(db, options, stats)) writeSync(fd, chunk);
    closeSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  renameSync(temp, options.out);
  return { files: [options.out], stats };
}

function writeSplitFolder(
  db: Db,
  options: WriteExportOptions & { split: { ratios: SplitRatios; seed: number } },
  stats: ExportStats,
): WriteExportResult {
  if (existsSync(options.out))
    throw new Error(`${options.out} already exists: a split export writes a new folder`);
  mkdirSync(dirname(options.out), { recursive: true });
  const temp = tempName(options.out);
  mkdirSync(temp);
  const names = Object.fromEntries(
    SPLIT_NAMES.map((s) => [s, exportFileName(options.format, s)]),
  ) as Record<SplitName, string>;
  const files = new Map<SplitName, { fd: number; formatter: ExportFormatter; buffer: string }>();
  const endSnapshot = beginSnapshot(db);
  try {
    for (const split of SPLIT_NAMES) {
      const formatter = formatterFor(db, options);
      files.set(split, {
        fd: openSync(join(temp, names[split]), "w"),
        formatter,
        buffer: formatter.begin(),
      });
    }
    let articleId = -1;
    let split: SplitName = "train";
    const claims = readableExportClaims(
      db,
      options.filter,
      options.reader,
      options.layers ?? false,
    );
    for (const claim of claims) {
      const first = claim.article.id !== articleId;
      if (first) {
        articleId = claim.article.id;
        split = splitOf(options.split.seed, claim.article.textSha256, options.split.ratios);
      }
      const file = files.get(split);
      if (!file) continue;
      const text = file.formatter.claim(claim, first);
      stats.add(claim, first, text !== "", split);
      file.buffer += text;
      if (file.buffer.length >= CHUNK) flush(file);
    }
    // Unfiltered canonical exports: articles with no claims go to their article's split, the
    // unused sources and propositions to train (importing the whole folder restores them).
    if (isUnfilteredSelection(options.filter)) {
      for (const entity of iterateUnclaimedEntities(db, { layers: options.layers ?? false })) {
        const target = files.get(
          entity.kind === "article"
            ? splitOf(options.split.seed, entity.article.textSha256, options.split.ratios)
            : "train",
        );
        if (!target?.formatter.entity) continue;
        target.buffer += target.formatter.entity(entity);
        if (target.buffer.length >= CHUNK) flush(target);
      }
    }
    for (const file of files.values()) {
      file.buffer += file.formatter.end();
      flush(file);
    }
    const card = renderDatasetCard({
      format: options.format,
      filter: options.filter,
      ...(options.reviewedOnly ? { reviewedOnly: true } : {}),
      split: { ...options.split, files: names },
      stats,
      agreement: agreementOfArticles(db, cardArticles(db, stats.articleIds, options.reader)),
      claimdeskVersion: options.claimdeskVersion,
      exportedAt: options.exportedAt ?? new Date(),
    });
    const cardFd = openSync(join(temp, "README.md"), "w");
    writeSync(cardFd, card);
    closeSync(cardFd);
  } catch (error) {
    closeAll(files.values());
    rmSync(temp, { recursive: true, force: true });
    throw error;
  } finally {
    endSnapshot();
  }
  closeAll(files.values());
  renameSync(temp, options.out);
  return {
    files: [...SPLIT_NAMES.map((s) => join(options.out, names[s])), join(options.out, "README.md")],
    stats,
  };
}

function closeAll(files: Iterable<{ fd: number }>): void {
  for (const file of files) closeSync(file.fd);
}

function flush(file: { fd: number; buffer: string }): void {
  if (file.buffer !== "") writeSync(file.fd, file.buffer);
  file.buffer = "";
}

export type { ExportClaim };
