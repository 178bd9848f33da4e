/** Shows an import's progress: a cli-progress bar on a terminal, a plain line every 2 s in logs. */
import type { Dirent } from "node:fs";
import { opendir } from "node:fs/promises";
import { join } from "node:path";
import { Presets, SingleBar } from "cli-progress";
import type { ImportProgress } from "./import-articles";
import { DEFAULT_EXCLUDES, type ReadOptions } from "./read-inputs";
import { detectFormat } from "./readers/detect-format";
import { compileExcludes } from "./readers/exclude-globs";

export interface ProgressDisplay {
  update(progress: ImportProgress): void;
  stop(): void;
}

/** How often a plain progress line is written when the output is not a terminal. */
export const LOG_INTERVAL_MS = 2000;
const BAR_INTERVAL_MS = 200;

/**
 * Counts the files under `paths` that the import will read, cheaply (directory listings only, no
 * stat), so the bar has a total and an ETA: visible files of a supported format (or any, with a
 * `format`), less those the default excludes and `exclude` leave out of directory walks, exactly
 * as readInputs decides. Null when there is a single file: then only counts and rate can be shown.
 */
export async function countInputFiles(
  paths: readonly string[],
  options: Pick<ReadOptions, "format" | "exclude"> = {},
): Promise<number | null> {
  const excluded = compileExcludes([...DEFAULT_EXCLUDES, ...(options.exclude ?? [])]);
  const willRead = (file: string) => detectFormat(file, options.format ?? "auto") !== null;
  let files = 0;
  const walk = async (path: string, named: boolean): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = [];
      for await (const entry of await opendir(path)) entries.push(entry);
    } catch {
      // Not a directory (a file named on the command line: read whatever the excludes say) or
      // unreadable (the import reports it).
      if ((named || !excluded(path)) && willRead(path)) files++;
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".")) continue;
      const child = join(path, entry.name);
      if (entry.isDirectory()) await walk(child, false);
      else if (!excluded(child) && willRead(child)) files++;
    }
  };
  for (const path of paths) await walk(path, true);
  return files > 1 ? files : null;
}

/** Starts showing progress on `stream` (stderr: stdout keeps the summary and `--json` clean). */
export function startProgress(
  stream: NodeJS.WriteStream,
  totalFiles: number | null,
  now: () => number = Date.now,
): ProgressDisplay {
  const started = now();
  let latest: ImportProgress = { files: 0, records: 0, imported: 0, failed: 0 };
  const rate = () => Math.round(latest.records / Math.max(0.001, (now() - started) / 1000));

  if (!stream.isTTY) {
    const timer = setInterval(() => {
      stream.write(`${formatProgressLine(latest, totalFiles, rate())}\n`);
    }, LOG_INTERVAL_MS);
    // Progress must never keep a finished import alive.
    timer.unref();
    return { update: (p) => (latest = p), stop: () => clearInterval(timer) };
  }

  const bar = new SingleBar(
    {
      stream,
      format:
        totalFiles === null
          ? "{records} records ({imported} imported, {failed} failed) | {rate} articles/s | {duration_formatted}"
          : "{bar} {value}/{total} files | {records} records ({imported} imported, {failed} failed) | {rate} articles/s | ETA {eta_formatted}",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  const payload = () => ({ ...latest, rate: rate() });
  bar.start(totalFiles ?? 0, 0, payload());
  const timer = setInterval(() => bar.update(latest.files, payload()), BAR_INTERVAL_MS);
  timer.unref();
  return {
    update: (p) => (latest = p),
    stop: () => {
      clearInterval(timer);
      bar.stop();
    },
  };
}

export function formatProgressLine(
  progress: ImportProgress,
  totalFiles: number | null,
  articlesPerSecond: number,
): string {
  const files = totalFiles === null ? "" : `, ${progress.files}/${totalFiles} files`;
  return (
    `import: ${progress.records} records (${progress.imported} imported, ${progress.failed} failed)` +
    `${files}, ${articlesPerSecond} articles/s`
  );
}
