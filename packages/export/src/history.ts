/**
 * Exports with history: the canonical JSONL claim line plus a `history` array (the claim's audit
 * events, newest first, as `history.forClaim` gives them to an adjudicator: unblinded). Only the
 * canonical JSONL carries it; the other formats have no place for it.
 */
import { type AnnotationReader, type DbExecutor, getClaimHistory } from "@claimdesk/db";
import type { TExportFormat } from "@claimdesk/types";
import type { ExportFormatter } from "./format";
import { createFormatter } from "./formats";
import { createCanonicalJsonlFormatter, toCanonicalLine } from "./formats/canonical-jsonl";

/** Without a reader (the worker CLI), exports are unblinded: every event is in the dataset. */
const EXPORT_READER = { id: 0, role: "admin" as const };

/** The canonical JSONL formatter whose claim lines carry `history` (as `reader` may see it). */
export function createCanonicalJsonlHistoryFormatter(
  db: DbExecutor,
  reader: AnnotationReader = EXPORT_READER,
): ExportFormatter {
  const base = createCanonicalJsonlFormatter();
  return {
    ...base,
    claim: (claim, firstOfArticle) =>
      `${JSON.stringify({
        ...toCanonicalLine(claim, firstOfArticle),
        history: getClaimHistory(db, claim.id, reader),
      })}\n`,
  };
}

/** The formatter for an export: with history when asked (canonical JSONL only). */
export function formatterFor(
  db: DbExecutor,
  selection: {
    format: TExportFormat;
    includeHistory?: boolean | undefined;
    reader?: AnnotationReader | undefined;
  },
): ExportFormatter {
  if (!selection.includeHistory) return createFormatter(selection.format);
  if (selection.format !== "jsonl")
    throw new Error(
      `History is exported only in the canonical JSONL (--format jsonl), not in ${selection.format}`,
    );
  return createCanonicalJsonlHistoryFormatter(db, selection.reader);
}
