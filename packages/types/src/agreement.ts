/**
 * Inter-annotator agreement (issue #6): the fields compared, their measurement level, and the
 * inputs and outputs of the agreement.* procedures. The statistics are @claimdesk/agreement's.
 */
import { z } from "zod";
import { JUDGEMENT_FIELD_INFO, JUDGEMENT_FIELDS, type TJudgementField } from "./judgement-fields";

/** The judgements compared between analysts, in the order the Agreement page shows them. */
export const AGREEMENT_FIELDS = ["existence", "source", "quoteType", ...JUDGEMENT_FIELDS] as const;
export const ZAgreementFieldSchema = z.enum(AGREEMENT_FIELDS);
export type TAgreementField = z.infer<typeof ZAgreementFieldSchema>;

/** Measurement level: categories are nominal; likelihood and credibility are ordered scales
 * (ordinal, in the order of their enums). */
export const ZAgreementLevelSchema = z.enum(["nominal", "ordinal"]);
export type TAgreementLevel = z.infer<typeof ZAgreementLevelSchema>;

export const AGREEMENT_FIELD_INFO: Record<
  TAgreementField,
  { label: string; level: TAgreementLevel; description: string }
> = {
  existence: {
    label: "Is a claim",
    level: "nominal",
    description:
      "Whether each analyst accepted (yes) or rejected (no) a suggestion; a hand-made claim another analyst did not make counts as their no. A suggestion left untouched is no value.",
  },
  source: {
    label: "Source",
    level: "nominal",
    description:
      "The registry source each analyst who accepted the claim attributes it to (the same suggestion, or hand-made claims whose contents overlap); no linked source is no value.",
  },
  quoteType: {
    label: "Quote type",
    level: "nominal",
    description: "Direct, indirect or mixed, for each analyst who accepted the claim.",
  },
  ...(Object.fromEntries(
    JUDGEMENT_FIELDS.map((f) => {
      const { label, level, description } = JUDGEMENT_FIELD_INFO[f];
      return [f, { label, level, description }];
    }),
  ) as Record<TJudgementField, { label: string; level: TAgreementLevel; description: string }>),
};

const count = z.number().int().nonnegative();

/** Krippendorff's alpha for one field; `alpha` is null when it is undefined (`reason` says why). */
export const ZAlphaFigureSchema = z.object({
  field: ZAgreementFieldSchema,
  level: ZAgreementLevelSchema,
  alpha: z.number().nullable(),
  /** no_pairable_values: no unit has two analysts' values. no_variation: everyone used one
   * and the same value, so chance agreement is total and alpha is 0/0. */
  reason: z.enum(["no_pairable_values", "no_variation"]).nullable(),
  /** Units (claims, or for source: overlapping-span groups) with at least two values. */
  units: count,
  /** Analysts who gave at least one of the pairable values. */
  coders: count,
  /** n: the pairable values alpha is computed over. */
  pairableValues: count,
  /** Share of pairs of values within units that match exactly. */
  observedAgreement: z.number().nullable(),
});
export type TAlphaFigure = z.infer<typeof ZAlphaFigureSchema>;

/** Cohen's kappa for one field and one pair of analysts, over the items both coded. */
export const ZKappaFigureSchema = z.object({
  field: ZAgreementFieldSchema,
  kappa: z.number().nullable(),
  /** no_items: nothing both coded. no_variation: both used one and the same value throughout. */
  reason: z.enum(["no_items", "no_variation"]).nullable(),
  items: count,
  observedAgreement: z.number().nullable(),
});
export type TKappaFigure = z.infer<typeof ZKappaFigureSchema>;

export const ZAgreementAnalystSchema = z.object({ id: z.number().int(), name: z.string() });
export type TAgreementAnalyst = z.infer<typeof ZAgreementAnalystSchema>;

/** Overlap F1 between two analysts' claim content spans, micro-averaged over shared articles. */
export const ZSpanAgreementSchema = z.object({
  /** Articles where both analysts have claims of their own. */
  articles: count,
  /** Claims of the first and the second analyst in those articles. */
  aClaims: count,
  bClaims: count,
  /** One-to-one overlapping matches. */
  matched: count,
  /** 2·matched / (aClaims + bClaims); null when neither has a claim. */
  f1: z.number().nullable(),
});
export type TSpanAgreement = z.infer<typeof ZSpanAgreementSchema>;

export const ZAgreementScopeInputSchema = z.object({
  propositionId: z.number().int().positive().optional(),
});
export type TAgreementScopeInput = z.input<typeof ZAgreementScopeInputSchema>;

/** agreement.summary — alpha per field over all submitted annotations (or one proposition's). */
export const ZAgreementSummarySchema = z.object({
  proposition: z.object({ id: z.number().int(), text: z.string() }).nullable(),
  /** Analysts with at least one submitted annotation or claim of their own in scope. */
  analysts: z.array(ZAgreementAnalystSchema),
  /** Submitted annotations in scope (drafts never count). */
  submittedAnnotations: count,
  /** Claims with at least one submitted annotation in scope. */
  annotatedClaims: count,
  fields: z.array(ZAlphaFigureSchema),
});
export type TAgreementSummary = z.infer<typeof ZAgreementSummarySchema>;

/** agreement.pairs — one row per pair of analysts who share at least one item. */
/** Exact and overlap span agreement for one part of a claim. */
export const ZSpanPartAgreementSchema = z.object({
  exact: ZSpanAgreementSchema,
  overlap: ZSpanAgreementSchema,
});

/** Unitizing agreement of two analysts' accepted claims, per part (as the PolNeAR bench scores). */
export const ZSpanPartsSchema = z.object({
  content: ZSpanPartAgreementSchema,
  sourceMention: ZSpanPartAgreementSchema,
  cue: ZSpanPartAgreementSchema,
});
export type TSpanParts = z.infer<typeof ZSpanPartsSchema>;

export const ZAgreementPairSchema = z.object({
  a: ZAgreementAnalystSchema,
  b: ZAgreementAnalystSchema,
  kappas: z.array(ZKappaFigureSchema),
  /** Content overlap F1 (the same as spanParts.content.overlap). */
  spans: ZSpanAgreementSchema,
  spanParts: ZSpanPartsSchema,
});
export type TAgreementPair = z.infer<typeof ZAgreementPairSchema>;
export const ZAgreementPairsSchema = z.array(ZAgreementPairSchema);

/** agreement.propositions — alpha per field over the claims linked to each proposition. */
export const ZAgreementPropositionRowSchema = z.object({
  proposition: z.object({ id: z.number().int(), text: z.string() }),
  annotatedClaims: count,
  fields: z.array(ZAlphaFigureSchema),
});
export type TAgreementPropositionRow = z.infer<typeof ZAgreementPropositionRowSchema>;
export const ZAgreementPropositionRowsSchema = z.array(ZAgreementPropositionRowSchema);
