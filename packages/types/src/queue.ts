/**
 * The review queue: claims that need the calling analyst's attention — still `suggested`, or
 * `accepted` but not yet annotated by them — grouped by article, oldest article (import order) first.
 */
import { z } from "zod";

/** queue.next — the first article with pending claims after `afterArticleId` (wrapping around). */
export const ZQueueNextInputSchema = z.object({
  afterArticleId: z.number().int().positive().optional(),
});
export type TQueueNextInput = z.input<typeof ZQueueNextInputSchema>;
