/** An import job's status as a coloured badge, with the status's description as its title. */
import { IMPORT_JOB_STATUS_LABELS, type TImportJobStatus } from "@claimdesk/types";

const STYLES: Record<TImportJobStatus, string> = {
  queued: "bg-amber-100 text-amber-800 ring-amber-200",
  running: "bg-sky-100 text-sky-800 ring-sky-200",
  completed: "bg-emerald-100 text-emerald-800 ring-emerald-200",
  failed: "bg-red-100 text-red-800 ring-red-200",
};

export function ImportStatusBadge({ status }: { status: TImportJobStatus }) {
  const info = IMPORT_JOB_STATUS_LABELS[status];
  return (
    <span
      title={info.description}
      data-testid="import-status"
      className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-[11px] font-semibold uppercase tracking-wide ring-1 ring-inset ${STYLES[status]}`}
    >
      {status === "running" ? (
        <span aria-hidden="true" className="size-1.5 animate-pulse rounded-full bg-sky-600" />
      ) : null}
      {info.label}
    </span>
  );
}

/** Jobs in these states still change: their views poll. */
export function isActiveImport(status: TImportJobStatus): boolean {
  return status === "queued" || status === "running";
}
