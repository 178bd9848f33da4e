/**
 * `claimdesk-worker export`: the selected claims as canonical JSONL, CSV, W3C Web Annotation,
 * FEVER or schema.org ClaimReview, to one file, stdout (`--out -`, the default), or with `--split`
 * a folder of train/dev/test files plus a dataset card. The claims are the gold layer's (what the
 * team settled on); `--layers` adds every analyst's layer to each canonical line. Filters are the
 * claims table's (ZClaimFilterSchema) over the gold layer; a bad filter or format is an error
 * before anything is written.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import type { Db } from "@claimdesk/db";
import {
  exportSelection,
  parseSplitRatios,
  type SplitRatios,
  writeExport,
} from "@claimdesk/export";
import {
  EXPORT_FORMATS,
  type TClaimFilter,
  type TExportFormat,
  ZClaimFilterSchema,
  ZExportFormatSchema,
} from "@claimdesk/types";
import type { Command } from "commander";
import { z } from "zod";

export interface ExportCliOptions {
  format: string;
  out: string;
  split?: string;
  seed: string;
  status?: string[];
  sourceId?: string[];
  sourceKind?: string[];
  stance?: string[];
  likelihood?: string[];
  propositionId?: string[];
  articleId?: string[];
  publisher?: string[];
  tag?: string[];
  from?: string;
  to?: string;
  query?: string;
  /** --with-history: each claim line carries its audit history (canonical JSONL only). */
  withHistory?: boolean;
  /** --layers: each claim line carries every analyst's layer (canonical JSONL only). */
  layers?: boolean;
  /** --all: unreviewed suggestions too (by default only claims accepted or rejected in gold). */
  all?: boolean;
}

/** Repeatable options that also take comma-separated lists: `--status accepted,suggested`. */
const collect = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  ...value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean),
];
/** Publishers may contain commas ("Wire, Inc."): repeat the option instead. */
const collectWhole = (value: string, previous: string[] | undefined): string[] => [
  ...(previous ?? []),
  value,
];

const ids = (values: string[] | undefined) => values?.map((v) => (/^\d+$/.test(v) ? Number(v) : v));

/** Validates everything the command was given; throws one readable error listing every problem. */
export function parseExportOptions(options: ExportCliOptions): {
  format: TExportFormat;
  filter: TClaimFilter;
  split?: { ratios: SplitRatios; seed: number };
  includeHistory?: boolean;
  layers?: boolean;
  reviewedOnly?: boolean;
} {
  const format = ZExportFormatSchema.safeParse(options.format);
  if (!format.success)
    throw new Error(
      `Unknown export format "${options.format}": use one of ${EXPORT_FORMATS.join(", ")}`,
    );
  const raw = {
    status: options.status,
    sourceId: ids(options.sourceId),
    sourceKind: options.sourceKind,
    sourceStance: options.stance,
    likelihood: options.likelihood,
    propositionId: ids(options.propositionId),
    articleId: ids(options.articleId),
    publisher: options.publisher,
    tag: options.tag,
    dateFrom: options.from,
    dateTo: options.to,
    query: options.query,
  };
  const filter = ZClaimFilterSchema.strict().safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
  );
  if (!filter.success) throw new Error(`Invalid filter:\n${z.prettifyError(filter.error)}`);
  if (!/^-?\d+$/.test(options.seed))
    throw new Error(`Invalid --seed "${options.seed}": use an integer`);
  const split =
    options.split === undefined
      ? undefined
      : { ratios: parseSplitRatios(options.split), seed: Number(options.seed) };
  if (split && options.out === "-")
    throw new Error("--split writes a folder: give --out a folder path");
  if (options.withHistory && format.data !== "jsonl")
    throw new Error(
      `--with-history applies to the canonical JSONL (--format jsonl), not to ${format.data}`,
    );
  if (options.layers && format.data !== "jsonl")
    throw new Error(
      `--layers applies to the canonical JSONL (--format jsonl), not to ${format.data}: the other formats carry the gold layer only`,
    );
  // By default the reviewed claims only (accepted or rejected in gold); --all keeps suggestions.
  const selection = exportSelection(filter.data, options.all === true);
  return {
    format: format.data,
    filter: selection.filter,
    ...(selection.reviewedOnly ? { reviewedOnly: true } : {}),
    ...(split ? { split } : {}),
    ...(options.withHistory ? { includeHistory: true } : {}),
    ...(options.layers ? { layers: true } : {}),
  };
}

/**
 * Why an export of `records` records says nothing, or null: FEVER writes only claims with a verdict,
 * ClaimReview only claims with a verdict or a likelihood, and the selection may hold neither.
 */
export function emptyExportReason(
  format: TExportFormat,
  records: number,
  reviewedOnly = false,
): string | null {
  if (records > 0) return null;
  // By default only reviewed claims are exported: say how to include the suggestions.
  const hint = reviewedOnly ? " (only reviewed claims by default; --all adds the suggestions)" : "";
  if (format === "fever") return `0 records: no claim has a verdict${hint}`;
  if (format === "claimreview") return `0 records: no claim has a verdict or a likelihood${hint}`;
  return `0 records: no claim matches the selection${hint}`;
}

/** `git describe` of the checkout, else the worker package's version. */
export function claimdeskVersion(repoRoot: string): string {
  try {
    return execFileSync("git", ["describe", "--tags", "--always", "--dirty"], {
      cwd: repoRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "0.1.0 (no git checkout)";
  }
}

export function registerExportCommand(
  program: Command,
  context: { openDb: () => Db; cwd: () => string; repoRoot: () => string },
): void {
  program
    .command("export")
    .description(
      "Export the selected claims (default: the reviewed ones, accepted or rejected in the gold " +
        "layer; --all for every claim) as jsonl (canonical), csv, webanno, fever or " +
        "claimreview; with --split a folder of train/dev/test files split by article plus README.md",
    )
    .option("--format <format>", `one of ${EXPORT_FORMATS.join(", ")}`, "jsonl")
    .option("--out <path>", "file to write (a folder with --split); - for stdout", "-")
    .option("--split <ratios>", "train/dev/test ratios by article, e.g. 80/10/10")
    .option("--seed <n>", "seed of the split", "0")
    .option("--status <status...>", "suggested, accepted, rejected", collect)
    .option("--source-id <id...>", "registry source ids", collect)
    .option("--source-kind <kind...>", "source kinds", collect)
    .option("--stance <stance...>", "source stances of the gold layer", collect)
    .option("--likelihood <likelihood...>", "likelihoods of the gold layer", collect)
    .option("--proposition-id <id...>", "proposition ids", collect)
    .option("--article-id <id...>", "article ids", collect)
    .option("--publisher <name>", "article publisher (repeatable)", collectWhole)
    .option("--tag <tag...>", "annotation tags", collect)
    .option("--from <date>", "published on or after (ISO date)")
    .option("--to <date>", "published on or before (ISO date)")
    .option("--query <text>", "full-text search over content, source and cue")
    .option(
      "--all",
      "every selected claim, unreviewed suggestions included (default: reviewed claims only)",
    )
    .option("--with-history", "add each claim's audit history to its line (jsonl only)")
    .option(
      "--layers",
      "add every analyst's layer of each claim beside the gold values, and the claims only a layer holds (jsonl only)",
    )
    .action(async (options: ExportCliOptions) => {
      const parsed = parseExportOptions(options);
      const out = options.out === "-" ? "-" : resolve(context.cwd(), options.out);
      const db = context.openDb();
      try {
        const started = performance.now();
        const result = await writeExport(db, {
          ...parsed,
          out,
          claimdeskVersion: claimdeskVersion(context.repoRoot()),
        });
        const { total } = result.stats;
        const empty = emptyExportReason(parsed.format, total.records, parsed.reviewedOnly === true);
        // Said on stdout's export too: an empty download is otherwise silent.
        if (empty !== null)
          console.error(
            `${empty} (${total.claims} ${total.claims === 1 ? "claim" : "claims"} selected); ` +
              `${out === "-" ? "nothing was written" : `empty: ${result.files.join(", ")}`}`,
          );
        else if (out !== "-") {
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          console.error(
            `Exported ${total.records} ${parsed.format} records (${total.claims} claims, ${total.articles} articles) in ${seconds} s to ${result.files.join(", ")}`,
          );
        }
      } finally {
        db.$client.close();
      }
    });
}
