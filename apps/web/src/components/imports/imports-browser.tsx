"use client";
/** `/imports`: the upload form and the jobs, polled every second while any is queued or running. */
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useTRPC } from "~/trpc/react";
import { Pagination } from "../shared/pagination";
import { EmptyState, ErrorState, LoadingState } from "../shared/query-states";
import { IMPORT_POLL_MS } from "./imports-format";
import { ImportsJobTable } from "./imports-job-table";
import { isActiveImport } from "./imports-status-badge";
import { ImportsUploadForm } from "./imports-upload-form";

const PAGE_SIZE = 20;

function pageFrom(raw: string | null): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 1 ? n : 1;
}

export function ImportsBrowser() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const page = pageFrom(useSearchParams().get("page"));

  const list = useQuery(
    trpc.imports.list.queryOptions(
      { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
      {
        placeholderData: keepPreviousData,
        // Live progress: the worker writes counts after every batch; stop once nothing can change.
        refetchInterval: (query) =>
          query.state.data?.items.some((job) => isActiveImport(job.status))
            ? IMPORT_POLL_MS
            : false,
        staleTime: 0,
      },
    ),
  );
  const waiting = list.data?.items.some((job) => job.status === "queued") ?? false;

  return (
    <div className="space-y-4">
      <ImportsUploadForm
        onQueued={() => void queryClient.invalidateQueries(trpc.imports.list.queryFilter())}
      />

      {waiting ? (
        <p
          role="note"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          Uploads wait in the queue until a worker takes them: run{" "}
          <code className="rounded bg-amber-100 px-1 font-mono">pnpm worker run</code> to process
          queued uploads.
        </p>
      ) : null}

      <section aria-labelledby="import-jobs-heading">
        <h2 id="import-jobs-heading" className="mb-2 text-sm font-semibold text-slate-800">
          Import jobs
        </h2>
        {list.isPending ? (
          <LoadingState label="Loading import jobs…" />
        ) : list.isError ? (
          <ErrorState
            title="The import jobs could not be loaded."
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : list.data.items.length === 0 ? (
          <EmptyState title="No imports yet.">
            Upload files above, or run{" "}
            <code className="font-mono">pnpm worker import &lt;files…&gt;</code> in a terminal.
          </EmptyState>
        ) : (
          <div className={list.isPlaceholderData ? "opacity-60" : ""}>
            <ImportsJobTable jobs={list.data.items} />
            <Pagination
              page={page}
              pageSize={PAGE_SIZE}
              total={list.data.total}
              hrefFor={(p) => (p > 1 ? `${pathname}?page=${p}` : pathname)}
            />
          </div>
        )}
      </section>
    </div>
  );
}
