/**
 * The data model's vocabularies (see DESIGN.md), each with the standard it follows.
 * `Z…Schema` validates a value; `…_LABELS` gives the UI its labels and help texts.
 */
import type { z } from "zod";
import { labelledEnum } from "./labels";

/** Who speaks: the kind of source behind a claim. */
const sourceKind = labelledEnum({
  author: { label: "Author", description: "The article's own author or the outlet's voice." },
  named_person: { label: "Named person", description: "A person identified by name." },
  named_organization: {
    label: "Named organization",
    description:
      'A government, group, company or body identified by name ("Tehran", "Kataib Hezbollah").',
  },
  official_statement: {
    label: "Official statement",
    description: "A formal statement, communiqué or press release.",
  },
  unnamed_official: {
    label: "Unnamed official",
    description: 'An anonymous official ("a senior Iraqi security source", "U.S. officials").',
  },
  unnamed_non_official: {
    label: "Unnamed non-official",
    description: 'An anonymous source with no official role ("a witness", "residents").',
  },
  document: { label: "Document", description: "A report, study, leaked document or record." },
  media_outlet: {
    label: "Media outlet",
    description: 'Another news organisation ("Reuters", "state TV").',
  },
  generic: {
    label: "Generic",
    description: 'A vague or collective source ("critics", "experts", "some say").',
  },
});
export const ZSourceKindSchema = sourceKind.schema;
export const SOURCE_KINDS = sourceKind.values;
export const SOURCE_KIND_LABELS = sourceKind.labels;
export type TSourceKind = z.infer<typeof ZSourceKindSchema>;

/** The sector a source belongs to. */
const sourceAffiliation = labelledEnum({
  government: {
    label: "Government",
    description: "Executive, ministries, diplomats, state bodies.",
  },
  military_security: {
    label: "Military / security",
    description: "Armed forces, police, intelligence and security services.",
  },
  armed_group: { label: "Armed group", description: "Non-state armed groups and militias." },
  party_political: { label: "Party / political", description: "Parties, candidates, legislators." },
  international_org: {
    label: "International organisation",
    description: "UN agencies, NATO, the EU and similar bodies.",
  },
  ngo: { label: "NGO", description: "Non-governmental and civil-society organisations." },
  business: { label: "Business", description: "Companies, trade bodies, executives." },
  academic_expert: {
    label: "Academic / expert",
    description: "Researchers, analysts, think tanks.",
  },
  media: { label: "Media", description: "Journalists and news organisations." },
  private_individual: {
    label: "Private individual",
    description: "A person speaking for themselves.",
  },
  unknown: { label: "Unknown", description: "Affiliation not stated or not known." },
});
export const ZSourceAffiliationSchema = sourceAffiliation.schema;
export const SOURCE_AFFILIATIONS = sourceAffiliation.values;
export const SOURCE_AFFILIATION_LABELS = sourceAffiliation.labels;
export type TSourceAffiliation = z.infer<typeof ZSourceAffiliationSchema>;

/** Source reliability, Admiralty (NATO AJP-2.1) code letters. */
const reliability = labelledEnum({
  A: {
    label: "A — Completely reliable",
    description:
      "No doubt of authenticity, trustworthiness or competency; a history of complete reliability.",
  },
  B: {
    label: "B — Usually reliable",
    description: "Minor doubt; a history of valid information most of the time.",
  },
  C: {
    label: "C — Fairly reliable",
    description: "Doubt; provided valid information in the past.",
  },
  D: {
    label: "D — Not usually reliable",
    description: "Significant doubt; provided valid information in the past.",
  },
  E: {
    label: "E — Unreliable",
    description:
      "Lacking authenticity, trustworthiness and competency; a history of invalid information.",
  },
  F: {
    label: "F — Reliability cannot be judged",
    description: "No basis exists for evaluating the reliability of the source.",
  },
});
export const ZReliabilitySchema = reliability.schema;
export const RELIABILITIES = reliability.values;
export const RELIABILITY_LABELS = reliability.labels;
export type TReliability = z.infer<typeof ZReliabilitySchema>;

/** Credibility of the information, Admiralty code numbers (stored as the strings "1".."6"). */
const credibility = labelledEnum({
  "1": {
    label: "1 — Confirmed",
    description:
      "Confirmed by other independent sources; logical in itself; consistent with other information.",
  },
  "2": {
    label: "2 — Probably true",
    description: "Not confirmed; logical in itself; consistent with other information.",
  },
  "3": {
    label: "3 — Possibly true",
    description: "Not confirmed; reasonably logical in itself; agrees with some other information.",
  },
  "4": {
    label: "4 — Doubtful",
    description: "Not confirmed; possible but not logical; no other information on the subject.",
  },
  "5": {
    label: "5 — Improbable",
    description: "Not confirmed; not logical in itself; contradicted by other information.",
  },
  "6": {
    label: "6 — Truth cannot be judged",
    description: "No basis exists for evaluating the validity of the information.",
  },
});
export const ZCredibilitySchema = credibility.schema;
export const CREDIBILITIES = credibility.values;
export const CREDIBILITY_LABELS = credibility.labels;
export type TCredibility = z.infer<typeof ZCredibilitySchema>;

/** How the content is reported [PARC]. */
const quoteType = labelledEnum({
  direct: { label: "Direct", description: "The source's words in quotation marks." },
  indirect: {
    label: "Indirect",
    description: "Paraphrase of what the source said, no quotation marks.",
  },
  mixed: { label: "Mixed", description: "Paraphrase that contains quoted fragments." },
});
export const ZQuoteTypeSchema = quoteType.schema;
export const QUOTE_TYPES = quoteType.values;
export const QUOTE_TYPE_LABELS = quoteType.labels;
export type TQuoteType = z.infer<typeof ZQuoteTypeSchema>;

/** Where a claim is in review. */
const claimStatus = labelledEnum({
  suggested: {
    label: "Suggested",
    description: "Proposed by a rule; not yet reviewed by an analyst.",
  },
  accepted: { label: "Accepted", description: "An analyst confirmed this is an attributed claim." },
  rejected: {
    label: "Rejected",
    description: "An analyst judged this is not an attributed claim.",
  },
});
export const ZClaimStatusSchema = claimStatus.schema;
export const CLAIM_STATUSES = claimStatus.values;
export const CLAIM_STATUS_LABELS = claimStatus.labels;
export type TClaimStatus = z.infer<typeof ZClaimStatusSchema>;

/** The source's stance toward the proposition or claimed content [RumourEval SDQC]. */
const sourceStance = labelledEnum({
  support: { label: "Support", description: "The source asserts or backs the content." },
  deny: { label: "Deny", description: "The source rejects or contradicts the content." },
  query: { label: "Query", description: "The source asks for evidence or questions the content." },
  comment: { label: "Comment", description: "The source comments without a clear position." },
});
export const ZSourceStanceSchema = sourceStance.schema;
export const SOURCE_STANCES = sourceStance.values;
export const SOURCE_STANCE_LABELS = sourceStance.labels;
export type TSourceStance = z.infer<typeof ZSourceStanceSchema>;

/** The article's stance toward what it reports, suggested by the cue [PARC authorial stance]. */
const reportingStance = labelledEnum({
  neutral: {
    label: "Neutral",
    description: 'The reporter neither endorses nor distances ("said", "according to").',
  },
  committed: {
    label: "Committed",
    description: 'The reporter presents the content as fact ("revealed", "confirmed", "showed").',
  },
  distancing: {
    label: "Distancing",
    description: 'The reporter signals doubt ("claimed", "alleged", "insisted").',
  },
});
export const ZReportingStanceSchema = reportingStance.schema;
export const REPORTING_STANCES = reportingStance.values;
export const REPORTING_STANCE_LABELS = reportingStance.labels;
export type TReportingStance = z.infer<typeof ZReportingStanceSchema>;

/** Likelihood that the content is true, ICD 203 expressions with their exact ranges (percent). */
const likelihood = labelledEnum({
  almost_no_chance: { label: "Almost no chance", description: "1–5 %" },
  very_unlikely: { label: "Very unlikely", description: "5–20 %" },
  unlikely: { label: "Unlikely", description: "20–45 %" },
  roughly_even_chance: { label: "Roughly even chance", description: "45–55 %" },
  likely: { label: "Likely", description: "55–80 %" },
  very_likely: { label: "Very likely", description: "80–95 %" },
  almost_certain: { label: "Almost certain", description: "95–99 %" },
});
export const ZLikelihoodSchema = likelihood.schema;
export const LIKELIHOODS = likelihood.values;
export const LIKELIHOOD_LABELS = likelihood.labels;
export type TLikelihood = z.infer<typeof ZLikelihoodSchema>;
/** ICD 203 ranges in percent, for charts and exports. */
export const LIKELIHOOD_RANGES: Record<TLikelihood, readonly [number, number]> = {
  almost_no_chance: [1, 5],
  very_unlikely: [5, 20],
  unlikely: [20, 45],
  roughly_even_chance: [45, 55],
  likely: [55, 80],
  very_likely: [80, 95],
  almost_certain: [95, 99],
};

/** Analytic confidence, kept apart from likelihood as ICD 203 requires. */
const analyticConfidence = labelledEnum({
  low: {
    label: "Low",
    description: "Questionable or implausible information, or sources that conflict.",
  },
  moderate: {
    label: "Moderate",
    description: "Credibly sourced and plausible, but not enough to warrant higher confidence.",
  },
  high: {
    label: "High",
    description: "High-quality information from multiple sources; a solid judgement.",
  },
});
export const ZAnalyticConfidenceSchema = analyticConfidence.schema;
export const ANALYTIC_CONFIDENCES = analyticConfidence.values;
export const ANALYTIC_CONFIDENCE_LABELS = analyticConfidence.labels;
export type TAnalyticConfidence = z.infer<typeof ZAnalyticConfidenceSchema>;

/** The analyst's conclusion on the content [FEVER]. */
const verdict = labelledEnum({
  supported: {
    label: "Supported",
    description: "Evidence supports the content (FEVER: SUPPORTS).",
  },
  refuted: { label: "Refuted", description: "Evidence refutes the content (FEVER: REFUTES)." },
  not_enough_info: {
    label: "Not enough info",
    description: "Evidence neither supports nor refutes it (FEVER: NOT ENOUGH INFO).",
  },
});
export const ZVerdictSchema = verdict.schema;
export const VERDICTS = verdict.values;
export const VERDICT_LABELS = verdict.labels;
export type TVerdict = z.infer<typeof ZVerdictSchema>;
export const FEVER_LABELS: Record<TVerdict, "SUPPORTS" | "REFUTES" | "NOT ENOUGH INFO"> = {
  supported: "SUPPORTS",
  refuted: "REFUTES",
  not_enough_info: "NOT ENOUGH INFO",
};

/** Lifecycle of an import job. */
const importJobStatus = labelledEnum({
  queued: { label: "Queued", description: "Waiting for a worker." },
  running: { label: "Running", description: "A worker is importing it." },
  completed: { label: "Completed", description: "Finished; see its counts and failed records." },
  failed: { label: "Failed", description: "Stopped: nothing could be read." },
});
export const ZImportJobStatusSchema = importJobStatus.schema;
export const IMPORT_JOB_STATUSES = importJobStatus.values;
export const IMPORT_JOB_STATUS_LABELS = importJobStatus.labels;
export type TImportJobStatus = z.infer<typeof ZImportJobStatusSchema>;

/** Roles of an account (enforced once accounts exist). */
const userRole = labelledEnum({
  admin: { label: "Admin", description: "Manages users, roles and assignments." },
  adjudicator: { label: "Adjudicator", description: "Annotates and resolves disagreements." },
  analyst: { label: "Analyst", description: "Annotates claims." },
  viewer: { label: "Viewer", description: "Reads and exports only." },
});
export const ZUserRoleSchema = userRole.schema;
export const USER_ROLES = userRole.values;
export const USER_ROLE_LABELS = userRole.labels;
export type TUserRole = z.infer<typeof ZUserRoleSchema>;

/** Whose decisions a claim layer holds: one analyst's own, or the team's final (gold) one. */
const layerKind = labelledEnum({
  analyst: { label: "Analyst", description: "One analyst's own decisions, blind to the others." },
  gold: {
    label: "Gold",
    description:
      "The team's final layer: the one analyst's layer, the unanimous merge, or the adjudicator's decision.",
  },
});
export const ZLayerKindSchema = layerKind.schema;
export const LAYER_KINDS = layerKind.values;
export const LAYER_KIND_LABELS = layerKind.labels;
export type TLayerKind = z.infer<typeof ZLayerKindSchema>;

/** How a gold claim was reached. */
const goldBasis = labelledEnum({
  single: { label: "Single analyst", description: "Only one analyst submitted the article." },
  unanimous: { label: "Unanimous", description: "Every submitted analyst agreed." },
  adjudicated: {
    label: "Adjudicated",
    description: "The analysts disagreed and an adjudicator decided.",
  },
});
export const ZGoldBasisSchema = goldBasis.schema;
export const GOLD_BASES = goldBasis.values;
export const GOLD_BASIS_LABELS = goldBasis.labels;
export type TGoldBasis = z.infer<typeof ZGoldBasisSchema>;
