/**
 * Assignments: an admin deals articles to analysts — chosen by id or by a claims-table filter —
 * round-robin, and gives a share of them (the overlap) to a second analyst for agreement.
 */
import { z } from "zod";
import { ZClaimFilterSchema } from "./claim-filter";

const ZId = z.number().int().positive();

/** The most articles one set may deal (a set is one batch of work, not the whole corpus at once). */
export const ASSIGNMENT_MAX_ARTICLES = 20_000;

const ZAssignmentSetFields = z.object({
  label: z.string().trim().min(1, "Give the set a label").max(200),
  /** Articles chosen one by one… */
  articleIds: z
    .array(ZId)
    .min(1, "Choose at least one article")
    .max(ASSIGNMENT_MAX_ARTICLES)
    .optional(),
  /** …or every article with a claim the claims-table filter matches. */
  filter: ZClaimFilterSchema.optional(),
  /** The filter as the claims table's URL query string (`status=accepted&q=drones`), kept with
   * the set so its selection can be reopened in /claims. Required with `filter`. */
  filterSearch: z.string().trim().max(4000).optional(),
  analystIds: z
    .array(ZId)
    .min(1, "Choose at least one analyst")
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, "An analyst is listed twice"),
  /** 0–100: the share of the articles that a second, different analyst also gets. */
  overlapPercent: z.number().int("Use a whole number").min(0).max(100),
  /** Makes the deal reproducible: the same seed and inputs deal the same way. */
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});

/** assignment.create / assignment.preview — exactly one of `articleIds` and `filter`. */
export const ZAssignmentSetCreateInputSchema = ZAssignmentSetFields.superRefine((v, ctx) => {
  if ((v.articleIds === undefined) === (v.filter === undefined))
    ctx.addIssue({
      code: "custom",
      path: ["articleIds"],
      message: "Choose articles either one by one or by a claims filter",
    });
  if (v.filter !== undefined && v.filterSearch === undefined)
    ctx.addIssue({
      code: "custom",
      path: ["filterSearch"],
      message: "Give the filter's claims-table query string",
    });
  if (v.overlapPercent > 0 && v.analystIds.length < 2)
    ctx.addIssue({
      code: "custom",
      path: ["overlapPercent"],
      message: "Double annotation needs at least two analysts",
    });
});
export type TAssignmentSetCreateInput = z.input<typeof ZAssignmentSetCreateInputSchema>;

/** assignment.detail */
export const ZAssignmentSetDetailInputSchema = z.object({ id: ZId });
export type TAssignmentSetDetailInput = z.infer<typeof ZAssignmentSetDetailInputSchema>;
