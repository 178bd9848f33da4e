/** One colour per source stance (and "not assessed"), shared by the dashboard and proposition charts. */
import type { StanceKey } from "~/lib/stance-timeline";

export const STANCE_COLORS: Record<StanceKey, string> = {
  support: "#059669",
  deny: "#dc2626",
  query: "#d97706",
  comment: "#64748b",
  unassessed: "#cbd5e1",
};
