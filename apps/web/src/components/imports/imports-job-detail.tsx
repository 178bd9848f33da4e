"use client";
/** One import job: status, times, counts, inputs and its failed records (paged by ?page=). */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { isNotFound } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { Pagination } from "../shared/pagination";
import { EmptyState, ErrorState, LoadingState } from "../shared/query-states";
import { ImportsFailedRecords } from "./imports-failed-records";
import {
  COUNT_FIELDS,
  formatJobTime,
  IMPORT_POLL_MS,
  type ImportJobDetailData,
  inputLabel,
  ORIGIN_LABELS,
} from "./imports-format";
import { ImportStatusBadge, isActiveImport } from "./imports-status-badge";

const ERRORS_PAGE_SIZE = 50;

function pageFrom(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 1 ? n : 1;
}

function Counts({ job }: { job: ImportJobDetailData["job"] }) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5" aria-label="Counts">
      {COUNT_FIELDS.map(([key, label]) => (
        <div key={key} className="rounded-lg border border-slate-200 bg-white px-3 py-2">
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
          <dd
            data-count={key}
            className={`text-lg font-semibold tabular-nums ${
              key === "failed" && job.failed > 0 ? "text-red-700" : "text-slate-900"
            }`}
          >
            {job[key].toLocaleString("en")}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Facts({ job }: { job: ImportJobDetailData["job"] }) {
  const options = Object.entries(job.options);
  const rows: [string, string][] = [
    ["Origin", ORIGIN_LABELS[job.origin]],
    ["Queued or created", formatJobTime(job.createdAt)],
    ["Started", formatJobTime(job.startedAt)],
    ["Finished", formatJobTime(job.finishedAt)],
    [
      "Options",
      options.length === 0
        ? "defaults"
        : options.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(", "),
    ],
  ];
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="text-slate-800">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ImportsJobDetail({ jobId }: { jobId: number }) {
  const trpc = useTRPC();
  const pathname = usePathname();
  const page = pageFrom(useSearchParams().get("page"));
  const detail = useQuery(
    trpc.imports.byId.queryOptions(
      { id: jobId, errorsLimit: ERRORS_PAGE_SIZE, errorsOffset: (page - 1) * ERRORS_PAGE_SIZE },
      {
        placeholderData: keepPreviousData,
        refetchInterval: (query) => {
          const status = query.state.data?.job.status;
          return status !== undefined && isActiveImport(status) ? IMPORT_POLL_MS : false;
        },
        staleTime: 0,
      },
    ),
  );

  if (detail.isPending) return <LoadingState label="Loading the import job…" />;
  if (detail.isError) {
    return isNotFound(detail.error) ? (
      <EmptyState title={`Import job ${jobId} not found.`}>
        <Link href="/imports" className="text-indigo-700 underline">
          Back to imports
        </Link>
      </EmptyState>
    ) : (
      <ErrorState
        title="The import job could not be loaded."
        error={detail.error}
        onRetry={() => void detail.refetch()}
      />
    );
  }

  const { job, errors } = detail.data;
  return (
    <article aria-labelledby="import-job-heading" className="space-y-5">
      <div>
        <Link href="/imports" className="text-sm text-indigo-700 hover:underline">
          ← Imports
        </Link>
        <div className="mt-1 flex items-center gap-3">
          <h1 id="import-job-heading" className="text-xl font-semibold tracking-tight">
            Import job #{job.id}
          </h1>
          <ImportStatusBadge status={job.status} />
        </div>
      </div>

      {job.status === "queued" ? (
        <p
          role="note"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          Waiting for the worker: run{" "}
          <code className="rounded bg-amber-100 px-1 font-mono">pnpm worker run</code> to process
          queued uploads.
        </p>
      ) : null}
      {job.error ? (
        <div
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          <p className="font-medium">The job failed.</p>
          <p className="mt-1 whitespace-pre-wrap break-words">{job.error}</p>
        </div>
      ) : null}

      <Counts job={job} />

      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="import-facts-heading">
          <h2 id="import-facts-heading" className="mb-2 text-sm font-semibold text-slate-800">
            Job
          </h2>
          <Facts job={job} />
        </section>
        <section aria-labelledby="import-inputs-heading">
          <h2 id="import-inputs-heading" className="mb-2 text-sm font-semibold text-slate-800">
            Inputs ({job.paths.length})
          </h2>
          <ul className="max-h-48 space-y-0.5 overflow-y-auto text-sm text-slate-700">
            {job.paths.map((path) => (
              <li key={path} title={path} className="truncate font-mono text-xs">
                {inputLabel(path, job.origin)}
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section aria-labelledby="import-errors-heading">
        <h2 id="import-errors-heading" className="mb-2 text-sm font-semibold text-slate-800">
          Failed records ({errors.total.toLocaleString("en")})
        </h2>
        {errors.total === 0 ? (
          <EmptyState title="No failed records.">
            {isActiveImport(job.status)
              ? "Records that cannot be imported will be listed here."
              : "Every record read was imported or was a duplicate."}
          </EmptyState>
        ) : (
          <div className={detail.isPlaceholderData ? "opacity-60" : ""}>
            <ImportsFailedRecords records={errors.items} origin={job.origin} />
            <Pagination
              page={page}
              pageSize={ERRORS_PAGE_SIZE}
              total={errors.total}
              hrefFor={(p) => (p > 1 ? `${pathname}?page=${p}` : pathname)}
            />
          </div>
        )}
      </section>
    </article>
  );
}
