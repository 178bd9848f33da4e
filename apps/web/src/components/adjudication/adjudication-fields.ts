/** The judgement fields an adjudicator decides: their values, labels and how a value reads. */
import {
  ANALYTIC_CONFIDENCE_LABELS,
  ANALYTIC_CONFIDENCES,
  CREDIBILITIES,
  CREDIBILITY_LABELS,
  type LabelInfo,
  LIKELIHOOD_LABELS,
  LIKELIHOODS,
  REPORTING_STANCE_LABELS,
  REPORTING_STANCES,
  SOURCE_STANCE_LABELS,
  SOURCE_STANCES,
  type TAdjudicationValues,
  type TJudgementField,
  VERDICT_LABELS,
  VERDICTS,
} from "@claimdesk/types";
import { likelihoodOption } from "../claims/claim-field-info";

export interface FieldOptions {
  values: readonly string[];
  labels: Record<string, LabelInfo>;
  /** How a value reads in a select and in the analysts' columns. */
  optionLabel: (info: LabelInfo) => string;
}

const plain = (info: LabelInfo) => info.label;

export const ADJUDICATION_FIELD_OPTIONS: Record<TJudgementField, FieldOptions> = {
  sourceStance: { values: SOURCE_STANCES, labels: SOURCE_STANCE_LABELS, optionLabel: plain },
  reportingStance: {
    values: REPORTING_STANCES,
    labels: REPORTING_STANCE_LABELS,
    optionLabel: plain,
  },
  likelihood: { values: LIKELIHOODS, labels: LIKELIHOOD_LABELS, optionLabel: likelihoodOption },
  analyticConfidence: {
    values: ANALYTIC_CONFIDENCES,
    labels: ANALYTIC_CONFIDENCE_LABELS,
    optionLabel: plain,
  },
  credibility: { values: CREDIBILITIES, labels: CREDIBILITY_LABELS, optionLabel: plain },
  verdict: { values: VERDICTS, labels: VERDICT_LABELS, optionLabel: plain },
};

/** "Likely (55–80 %)", or "—" for no value. */
export function valueLabel(field: TJudgementField, value: string | null): string {
  if (value === null) return "—";
  const options = ADJUDICATION_FIELD_OPTIONS[field];
  const info = options.labels[value];
  return info ? options.optionLabel(info) : value;
}

/** Sets one field to a value the field accepts (null clears it). */
export function withField(
  values: TAdjudicationValues,
  field: TJudgementField,
  value: string | null,
): TAdjudicationValues {
  if (value !== null && !ADJUDICATION_FIELD_OPTIONS[field].values.includes(value)) return values;
  return { ...values, [field]: value } as TAdjudicationValues;
}
