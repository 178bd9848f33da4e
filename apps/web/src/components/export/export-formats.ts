/** The export formats as the export page offers them. */
import type { TExportFormat } from "@claimdesk/types";

export const EXPORT_FORMAT_OPTIONS: { value: TExportFormat; label: string; description: string }[] =
  [
    {
      value: "jsonl",
      label: "Canonical JSONL",
      description:
        "One claim a line with article, spans, source and every annotation; imports back losslessly.",
    },
    {
      value: "csv",
      label: "CSV",
      description: "One row per claim; annotations as JSON in one column.",
    },
    {
      value: "webanno",
      label: "W3C Web Annotation",
      description: "JSON-LD with TextQuote and TextPosition (code point) selectors.",
    },
    {
      value: "fever",
      label: "FEVER",
      description: "SUPPORTS / REFUTES / NOT ENOUGH INFO for claims with a consensus verdict.",
    },
    {
      value: "claimreview",
      label: "schema.org ClaimReview",
      description: "JSON-LD reviews of assessed claims, rated by likelihood.",
    },
  ];
