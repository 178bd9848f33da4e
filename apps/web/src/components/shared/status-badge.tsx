/** A claim's review status as a coloured badge, with the status's description as its title. */
import { CLAIM_STATUS_LABELS, type TClaimStatus } from "@claimdesk/types";

const STYLES: Record<TClaimStatus, string> = {
  suggested: "bg-sky-100 text-sky-800 ring-sky-200",
  accepted: "bg-emerald-100 text-emerald-800 ring-emerald-200",
  rejected: "bg-slate-200 text-slate-600 ring-slate-300",
};

export function StatusBadge({ status }: { status: TClaimStatus }) {
  const info = CLAIM_STATUS_LABELS[status];
  return (
    <span
      title={info.description}
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide ring-1 ring-inset ${STYLES[status]}`}
    >
      {info.label}
    </span>
  );
}
