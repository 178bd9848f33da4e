/**
 * `claimdesk-worker import --format claimdesk <file-or-folder…>`: reads canonical JSONL exports
 * (a file, or a split folder's *.jsonl) back into the database: articles by textSha256, sources by
 * name, propositions by text, analysts (and adjudicators) by name, claims, annotations and
 * adjudicators' decisions as exported; the
 * `kind: "article" | "source" | "proposition"` lines of an unfiltered export add what no claim
 * carries (articles with no claims, unused sources and propositions). A bad line is
 * reported (file, line, reason) and skipped; rerunning adds nothing (stored articles keep theirs).
 */
import { createReadStream, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import {
  type CanonicalImportCounts,
  type Db,
  finishCanonicalImport,
  insertCanonicalLines,
  newCanonicalImportState,
} from "@claimdesk/db";
import {
  type TCanonicalLine,
  ZCanonicalClaimLineSchema,
  ZCanonicalEntityLineSchema,
} from "@claimdesk/types";
import { z } from "zod";

const BATCH = 1000;

export interface ClaimdeskImportSummary extends CanonicalImportCounts {
  files: string[];
  lines: number;
  failed: { file: string; line: number; reason: string }[];
  linkedParents: number;
}

/** The canonical files under the given paths: files as given, folders' *.jsonl sorted by name. */
export function canonicalFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort())
        if (name.endsWith(".jsonl")) files.push(join(path, name));
    } else files.push(path);
  }
  return files;
}

export async function importClaimdeskExport(
  db: Db,
  paths: readonly string[],
): Promise<ClaimdeskImportSummary> {
  const files = canonicalFiles(paths);
  const state = newCanonicalImportState();
  const summary: ClaimdeskImportSummary = {
    files,
    lines: 0,
    articles: 0,
    duplicateArticles: 0,
    claims: 0,
    skippedClaims: 0,
    annotations: 0,
    adjudications: 0,
    failed: [],
    linkedParents: 0,
  };
  const add = (counts: CanonicalImportCounts) => {
    summary.articles += counts.articles;
    summary.duplicateArticles += counts.duplicateArticles;
    summary.claims += counts.claims;
    summary.skippedClaims += counts.skippedClaims;
    summary.annotations += counts.annotations;
    summary.adjudications += counts.adjudications;
  };
  for (const file of files) {
    let batch: { line: number; record: TCanonicalLine }[] = [];
    const flush = () => {
      if (batch.length === 0) return;
      try {
        add(
          insertCanonicalLines(
            db,
            state,
            batch.map((b) => b.record),
          ),
        );
      } catch {
        // One bad record must not sink its batch: retry line by line to find and report it.
        for (const { line, record } of batch) {
          try {
            add(insertCanonicalLines(db, state, [record]));
          } catch (error) {
            summary.failed.push({ file, line, reason: errorMessage(error) });
          }
        }
      }
      batch = [];
    };
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    let lineNo = 0;
    for await (const text of lines) {
      lineNo++;
      if (text.trim() === "") continue;
      summary.lines++;
      const record = parseLine(text);
      if (!record.ok) {
        summary.failed.push({ file, line: lineNo, reason: record.reason });
        continue;
      }
      batch.push({ line: lineNo, record: record.value });
      if (batch.length >= BATCH) flush();
    }
    flush();
  }
  summary.linkedParents = finishCanonicalImport(db, state);
  return summary;
}

/** A line with a `kind` is an article / source / proposition line; one without, a claim line. */
function parseLine(
  text: string,
): { ok: true; value: TCanonicalLine } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${errorMessage(error)}` };
  }
  const hasKind = typeof json === "object" && json !== null && "kind" in json;
  const parsed = hasKind
    ? ZCanonicalEntityLineSchema.safeParse(json)
    : ZCanonicalClaimLineSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: `not a canonical line: ${z.prettifyError(parsed.error)}` };
  return { ok: true, value: parsed.data };
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function formatClaimdeskImport(s: ClaimdeskImportSummary): string {
  return (
    `Imported ${s.articles} articles, ${s.claims} claims, ${s.annotations} annotations, ` +
    `${s.adjudications} adjudications from ` +
    `${s.files.length} file(s); ${s.duplicateArticles} articles already stored ` +
    `(${s.skippedClaims} of their claims skipped), ${s.failed.length} lines failed`
  );
}

/** The CLI's `import --format claimdesk` path: prints the summary, exit code 1 if a line failed. */
export async function runClaimdeskImport(
  openDb: () => Db,
  paths: readonly string[],
  options: { json?: boolean },
): Promise<void> {
  const db = openDb();
  try {
    const summary = await importClaimdeskExport(db, paths);
    for (const f of summary.failed) console.error(`${f.file}:${f.line}: ${f.reason}`);
    console.log(options.json ? JSON.stringify(summary, null, 2) : formatClaimdeskImport(summary));
    if (summary.failed.length > 0) process.exitCode = 1;
  } finally {
    db.$client.close();
  }
}
