/**
 * agreement.*: inter-annotator agreement over submitted annotations (issue #6) — Krippendorff's
 * alpha per field (overall or for one proposition), Cohen's kappa and span F1 per analyst pair,
 * and alpha per proposition. Reads only: every signed-in role may see them. The definitions of
 * units and values are in packages/db/src/queries/agreement-data.ts.
 */
import { agreementByProposition, agreementPairs, agreementSummary } from "@claimdesk/db";
import {
  ZAgreementPairsSchema,
  ZAgreementPropositionRowsSchema,
  ZAgreementScopeInputSchema,
  ZAgreementSummarySchema,
} from "@claimdesk/types";
import { router, viewerProcedure } from "../trpc";

export const agreementRouter = router({
  summary: viewerProcedure
    .input(ZAgreementScopeInputSchema)
    .output(ZAgreementSummarySchema)
    .query(({ ctx, input }) => agreementSummary(ctx.db, input)),
  pairs: viewerProcedure
    .input(ZAgreementScopeInputSchema)
    .output(ZAgreementPairsSchema)
    .query(({ ctx, input }) => agreementPairs(ctx.db, input)),
  propositions: viewerProcedure
    .output(ZAgreementPropositionRowsSchema)
    .query(({ ctx }) => agreementByProposition(ctx.db)),
});
