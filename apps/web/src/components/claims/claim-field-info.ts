/** The editable fields of a claim and of the analyst's annotation: their labels and value display. */
import {
  ANALYTIC_CONFIDENCE_LABELS,
  CLAIM_STATUS_LABELS,
  CREDIBILITY_LABELS,
  type LabelInfo,
  LIKELIHOOD_LABELS,
  QUOTE_TYPE_LABELS,
  REPORTING_STANCE_LABELS,
  SOURCE_STANCE_LABELS,
  VERDICT_LABELS,
} from "@claimdesk/types";
import type { ClaimDetail } from "~/trpc/types";

export const CLAIM_FIELDS = [
  "status",
  "quoteType",
  "sourceId",
  "propositionId",
  "content",
  "sourceMention",
  "cue",
] as const;
export const ANNOTATION_FIELDS = [
  "sourceStance",
  "reportingStance",
  "likelihood",
  "analyticConfidence",
  "credibility",
  "verdict",
  "note",
  "tags",
] as const;

export type ClaimField = (typeof CLAIM_FIELDS)[number];
export type AnnotationField = (typeof ANNOTATION_FIELDS)[number];
export type EditableField = ClaimField | AnnotationField;

export const FIELD_LABELS: Record<EditableField, string> = {
  status: "Status",
  quoteType: "Quote type",
  sourceId: "Source",
  propositionId: "Proposition",
  content: "Content span",
  sourceMention: "Source mention",
  cue: "Cue",
  sourceStance: "Source stance",
  reportingStance: "Reporting stance",
  likelihood: "Likelihood",
  analyticConfidence: "Analytic confidence",
  credibility: "Credibility",
  verdict: "Verdict",
  note: "Note",
  tags: "Tags",
};

/** "Likely (55–80 %)": ICD 203 terms always travel with their ranges. */
export function likelihoodOption(info: LabelInfo): string {
  return `${info.label} (${info.description})`;
}

/** The current value of a field as a reader sees it, for messages such as a conflict notice. */
export function displayValue(field: EditableField, claim: ClaimDetail): string {
  const a = claim.annotation;
  const label = (table: Record<string, LabelInfo>, v: string | null | undefined) =>
    v ? (table[v]?.label ?? v) : "not set";
  switch (field) {
    case "status":
      return label(CLAIM_STATUS_LABELS, claim.status);
    case "quoteType":
      return label(QUOTE_TYPE_LABELS, claim.quoteType);
    case "sourceId":
      return claim.source?.name ?? "no source";
    case "propositionId":
      return claim.propositionId === null ? "none" : `#${claim.propositionId}`;
    case "content":
      return `“${claim.contentText}”`;
    case "sourceMention":
      return claim.sourceText ? `“${claim.sourceText}”` : "not marked";
    case "cue":
      return claim.cueText ? `“${claim.cueText}”` : "not marked";
    case "sourceStance":
      return label(SOURCE_STANCE_LABELS, a?.sourceStance);
    case "reportingStance":
      return label(REPORTING_STANCE_LABELS, a?.reportingStance);
    case "likelihood":
      return a?.likelihood ? likelihoodOption(LIKELIHOOD_LABELS[a.likelihood]) : "not set";
    case "analyticConfidence":
      return label(ANALYTIC_CONFIDENCE_LABELS, a?.analyticConfidence);
    case "credibility":
      return label(CREDIBILITY_LABELS, a?.credibility);
    case "verdict":
      return label(VERDICT_LABELS, a?.verdict);
    case "note":
      return a?.note ? `“${a.note}”` : "empty";
    case "tags":
      return a && a.tags.length > 0 ? a.tags.join(", ") : "none";
  }
}
