/** How annotation values and audit-event values read in the claim panel (labels, not codes). */
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
import { FIELD_LABELS } from "./claim-field-info";

/** The fields whose codes have labels. */
const LABELS: Record<string, Record<string, LabelInfo>> = {
  sourceStance: SOURCE_STANCE_LABELS,
  reportingStance: REPORTING_STANCE_LABELS,
  likelihood: LIKELIHOOD_LABELS,
  analyticConfidence: ANALYTIC_CONFIDENCE_LABELS,
  credibility: CREDIBILITY_LABELS,
  verdict: VERDICT_LABELS,
  status: CLAIM_STATUS_LABELS,
  quoteType: QUOTE_TYPE_LABELS,
};

/** The editor's field labels, plus the stored columns audit events name. */
const FIELD_NAMES: Record<string, string> = {
  ...FIELD_LABELS,
  submittedAt: "Submitted",
  contentText: "Content",
  sourceText: "Source mention",
  cueText: "Cue",
  cueLemma: "Cue lemma",
  analystId: "Analyst",
  claimId: "Claim",
};

/** "Source stance" for `sourceStance`; other names are split at their capitals. */
export function fieldName(field: string): string {
  return (
    FIELD_NAMES[field] ??
    field.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase())
  );
}

const timeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
});

/** "24 Nov 2026, 04:39:12 UTC" for an ISO date-time. */
export function formatTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : `${timeFormat.format(ms)} UTC`;
}

/** A value as a reader sees it: its label for coded fields, "—" when empty, text otherwise. */
export function formatValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.map(String).join(", ");
  if (typeof value === "string") {
    const label = LABELS[field]?.[value]?.label;
    if (label) return label;
    if (field.endsWith("At")) return formatTime(value);
    return value;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}
