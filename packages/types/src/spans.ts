/** Text spans: UTF-16 offsets into an article's cleaned `text`, plus the exact text for re-anchoring. */
import { z } from "zod";

export const ZSpanSchema = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
    exact: z.string().min(1),
  })
  .refine((s) => s.end > s.start, { message: "A span must end after it starts", path: ["end"] })
  .refine((s) => s.exact.length === s.end - s.start, {
    message: "The span's exact text must be as long as its offsets say",
    path: ["exact"],
  });
export type TSpan = z.infer<typeof ZSpanSchema>;
