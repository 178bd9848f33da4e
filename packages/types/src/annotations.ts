/**
 * Blind annotation and audit history: the inputs of annotation.submit / annotation.forClaim and
 * history.forClaim, and the shapes they answer with.
 */
import { z } from "zod";
import { ZIdSchema } from "./api";

/** annotation.submit / annotation.forClaim / history.forClaim — one claim. */
export const ZClaimRefInputSchema = z.object({ claimId: ZIdSchema });
export type TClaimRefInput = z.infer<typeof ZClaimRefInputSchema>;

export const ZAnnotationSubmitInputSchema = ZClaimRefInputSchema;
export type TAnnotationSubmitInput = TClaimRefInput;
export const ZAnnotationForClaimInputSchema = ZClaimRefInputSchema;
export type TAnnotationForClaimInput = TClaimRefInput;
export const ZHistoryForClaimInputSchema = ZClaimRefInputSchema;
export type THistoryForClaimInput = TClaimRefInput;

/** What an audit event is about. */
export const HISTORY_ENTITIES = [
  "claim",
  "annotation",
  "adjudication",
  "source",
  "proposition",
] as const;
export const ZHistoryEntitySchema = z.enum(HISTORY_ENTITIES);
export type THistoryEntity = z.infer<typeof ZHistoryEntitySchema>;

/** One field an event changed: its value before and after (JSON values; null when absent). */
export const ZHistoryFieldChangeSchema = z.object({
  field: z.string(),
  before: z.unknown().describe("The value before the change (null when absent)"),
  after: z.unknown().describe("The value after the change (null when absent)"),
});
export type THistoryFieldChange = z.infer<typeof ZHistoryFieldChangeSchema>;

/** One audit event in a claim's history: who, when, what and which fields changed. */
export const ZHistoryEventSchema = z.object({
  id: z.number().int(),
  entity: z.string().describe("claim | annotation | adjudication | source | proposition"),
  entityId: z.number().int(),
  action: z.string().describe("create | update | submit | delete | merge"),
  actor: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  at: z.string().describe("ISO 8601 date-time (UTC)"),
  changes: z.array(ZHistoryFieldChangeSchema),
});
export type THistoryEvent = z.infer<typeof ZHistoryEventSchema>;
