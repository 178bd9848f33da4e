/**
 * The attribution fields an adjudicator decides (is it a claim, its spans, registry source, quote
 * type, proposition): what each analyst's version holds, how it reads, and the decision it makes.
 * A decision takes one analyst's value (their spans, their source …) for the field.
 */
import {
  QUOTE_TYPE_LABELS,
  type TAdjudicationAttribution,
  type TAttributionField,
} from "@claimdesk/types";
import type { AdjudicationItem } from "./adjudication-decision";

type AnalystVersion = AdjudicationItem["analysts"][number];
type Decision = NonNullable<AdjudicationItem["adjudication"]>;
type SpanValue = { start: number; end: number; exact: string };

/** One attribution field's decided value, as `adjudication.decide` takes it. */
export type AttributionValue =
  | { field: "existence"; value: "accepted" | "rejected" }
  | { field: "content"; value: SpanValue }
  | { field: "sourceMention" | "cue"; value: SpanValue | null }
  | { field: "sourceId" | "propositionId"; value: number | null; label: string | null }
  | { field: "quoteType"; value: "direct" | "indirect" | "mixed" };

export type AttributionDecisions = Partial<Record<TAttributionField, AttributionValue>>;

const spanLabel = (span: SpanValue | null): string =>
  span === null ? "none" : `“${span.exact}” (${span.start}–${span.end})`;

/** How a decided (or offered) value reads. */
export function attributionLabel(value: AttributionValue | null): string {
  if (value === null) return "—";
  switch (value.field) {
    case "existence":
      return value.value === "accepted" ? "Yes, a claim" : "No claim";
    case "content":
      return spanLabel(value.value);
    case "sourceMention":
    case "cue":
      return spanLabel(value.value);
    case "sourceId":
    case "propositionId":
      return value.value === null ? "none" : (value.label ?? `#${value.value}`);
    case "quoteType":
      return QUOTE_TYPE_LABELS[value.value]?.label ?? value.value;
  }
}

/**
 * What an analyst's version says for `field`, as a value the adjudicator can take; null when it
 * says nothing (a suggestion they left untouched, or spans of a claim they say is none).
 */
export function analystAttribution(
  version: AnalystVersion,
  field: TAttributionField,
): AttributionValue | null {
  if (field === "existence") {
    if (version.existence === null) return null;
    return { field, value: version.existence === "yes" ? "accepted" : "rejected" };
  }
  // A "no" (or untouched) version holds no attribution to take.
  if (version.existence !== "yes" || version.content === null) return null;
  switch (field) {
    case "content":
      return { field, value: version.content };
    case "sourceMention":
      return { field, value: version.sourceMention };
    case "cue":
      return { field, value: version.cue };
    case "sourceId":
      return { field, value: version.sourceId, label: version.sourceName };
    case "propositionId":
      return { field, value: version.propositionId, label: version.propositionText };
    case "quoteType":
      return version.quoteType === null ? null : { field, value: version.quoteType };
  }
}

/** Two values are the same decision (spans by offsets, references by id). */
export function sameAttribution(a: AttributionValue | null, b: AttributionValue | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.field !== b.field) return false;
  const x = a.value;
  const y = b.value;
  if (x !== null && typeof x === "object" && y !== null && typeof y === "object")
    return x.start === y.start && x.end === y.end;
  return x === y;
}

/** The attribution values a saved decision holds for the fields it decided. */
export function savedAttribution(item: AdjudicationItem, decision: Decision): AttributionDecisions {
  const out: AttributionDecisions = {};
  const a = decision.attribution;
  // Names for ids come from the analysts' versions (the decision took one of them).
  const nameOf = (field: "sourceId" | "propositionId", id: number | null): string | null => {
    for (const v of item.analysts) {
      const offered = analystAttribution(v, field);
      if (offered && offered.field === field && offered.value === id) return offered.label;
    }
    return null;
  };
  for (const field of decision.decidedFields) {
    switch (field) {
      case "existence":
        if (a.status) out.existence = { field, value: a.status };
        break;
      case "content":
        if (a.content) out.content = { field, value: a.content };
        break;
      case "sourceMention":
      case "cue":
        out[field] = { field, value: a[field] };
        break;
      case "sourceId":
      case "propositionId":
        out[field] = { field, value: a[field], label: nameOf(field, a[field]) };
        break;
      case "quoteType":
        if (a.quoteType) out.quoteType = { field, value: a.quoteType };
        break;
      default:
        break;
    }
  }
  return out;
}

/** The decision's `attribution` input from the decided fields. */
export function attributionInput(decisions: AttributionDecisions): TAdjudicationAttribution {
  const out: TAdjudicationAttribution = {};
  for (const d of Object.values(decisions)) {
    if (!d) continue;
    switch (d.field) {
      case "existence":
        out.status = d.value;
        break;
      case "content":
        out.content = d.value;
        break;
      case "sourceMention":
        out.sourceMention = d.value;
        break;
      case "cue":
        out.cue = d.value;
        break;
      case "sourceId":
        out.sourceId = d.value;
        break;
      case "propositionId":
        out.propositionId = d.value;
        break;
      case "quoteType":
        out.quoteType = d.value;
        break;
    }
  }
  return out;
}
