/**
 * @claimdesk/export: dataset exports (canonical JSONL, CSV, W3C Web Annotation, FEVER,
 * schema.org ClaimReview), splits by article, the dataset card and the canonical JSON Schema.
 * Reading from the database is packages/db's `iterateExportClaims`.
 */

export { readableExportClaims } from "./blind";
export {
  codePointConverter,
  contextAround,
  utf16ToCodePointOffset,
} from "./code-points";
export { consensusLikelihood, consensusVerdict } from "./consensus";
export { type DatasetCardInput, renderDatasetCard } from "./dataset-card";
export { ExportStats } from "./export-stats";
export type { ExportFormatter } from "./format";
export { createFormatter } from "./formats";
export { toCanonicalLine } from "./formats/canonical-jsonl";
export { toClaimReview } from "./formats/claimreview";
export { CSV_COLUMNS, toCsvRow } from "./formats/csv";
export { toFeverRecord } from "./formats/fever";
export {
  ANNO_CONTEXT_URL,
  articleIri,
  CLAIMDESK_VOCAB,
  toWebAnnotation,
} from "./formats/web-annotation";
export { createCanonicalJsonlHistoryFormatter, formatterFor } from "./history";
export {
  CANONICAL_SCHEMA_FILE,
  canonicalJsonSchema,
  canonicalJsonSchemaText,
} from "./json-schema";
export { exportSelection, REVIEWED_STATUSES } from "./reviewed";
export {
  parseSplitRatios,
  SPLIT_NAMES,
  type SplitName,
  type SplitRatios,
  splitOf,
  splitPoint,
} from "./splits";
export {
  type ExportSelection,
  exportChunks,
  exportFileName,
  type WriteExportOptions,
  type WriteExportResult,
  writeExport,
} from "./write-export";
