/** Chart pieces shared by the dashboard and the proposition overview: stance colours and bars. */
import { SOURCE_STANCE_LABELS } from "@claimdesk/types";
import { Bar } from "recharts";
import { STANCE_KEYS, type StanceKey } from "~/lib/stance-timeline";

/** One colour per source stance (and "not assessed"). */
export const STANCE_COLORS: Record<StanceKey, string> = {
  support: "#059669",
  deny: "#dc2626",
  query: "#d97706",
  comment: "#64748b",
  unassessed: "#cbd5e1",
};

/** A category X axis whose long labels are tilted so all of them show. */
export const TILTED_CATEGORY_AXIS = {
  fontSize: 11,
  interval: 0,
  angle: -20,
  textAnchor: "end",
  height: 60,
} as const;

/**
 * One stacked bar per stance. A function returning elements, not a component: recharts reads its
 * bars from the chart's direct children.
 */
export function stanceBars(unassessedLabel: string) {
  return STANCE_KEYS.map((k) => (
    <Bar
      key={k}
      dataKey={k}
      stackId="stance"
      name={k === "unassessed" ? unassessedLabel : SOURCE_STANCE_LABELS[k].label}
      fill={STANCE_COLORS[k]}
    />
  ));
}
