/** The formatter of each export format. */
import type { TExportFormat } from "@claimdesk/types";
import type { ExportFormatter } from "../format";
import { createCanonicalJsonlFormatter } from "./canonical-jsonl";
import { createClaimReviewFormatter } from "./claimreview";
import { createCsvFormatter } from "./csv";
import { createFeverFormatter } from "./fever";
import { createWebAnnotationFormatter } from "./web-annotation";

const FACTORIES: Record<TExportFormat, () => ExportFormatter> = {
  jsonl: createCanonicalJsonlFormatter,
  csv: createCsvFormatter,
  webanno: createWebAnnotationFormatter,
  fever: createFeverFormatter,
  claimreview: createClaimReviewFormatter,
};

/** A fresh formatter (formatters keep per-file state such as the current article). */
export function createFormatter(format: TExportFormat): ExportFormatter {
  return FACTORIES[format]();
}
