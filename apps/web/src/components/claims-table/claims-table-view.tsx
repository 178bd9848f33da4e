"use client";
/**
 * /claims: the filter bar, the count, bulk actions and the virtualised table, all driven by the
 * URL (filters and sort live in its search params, so a view can be shared and reloaded).
 */
import type { TClaimFilter, TClaimSort } from "@claimdesk/types";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useRef, useState } from "react";
import {
  claimFilterFromSearchParams,
  claimFilterToSearchParams,
  claimSortFromSearchParams,
  withSearchParams,
} from "~/lib/claim-filter-url";
import { useTRPC } from "~/trpc/react";
import { useSessionUser } from "../auth/auth-session-user";
import { EmptyState, ErrorState, LoadingState } from "../shared/query-states";
import { ClaimsTable } from "./claims-table";
import { ClaimsTableBulkBar } from "./claims-table-bulk-bar";
import { FilterBar } from "./filter-bar";

const PAGE_SIZE = 100;

export function ClaimsTableView() {
  const trpc = useTRPC();
  const { can } = useSessionUser();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const key = searchParams.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the params' string is their identity
  const filter = useMemo(() => claimFilterFromSearchParams(searchParams), [key]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: as above
  const sort = useMemo(() => claimSortFromSearchParams(searchParams), [key]);

  const [selected, setSelected] = useState<Map<number, number>>(new Map());
  const [conflicts, setConflicts] = useState<Map<number, string>>(new Map());
  const anchor = useRef<number | null>(null);

  const navigate = useCallback(
    (nextFilter: TClaimFilter, nextSort: TClaimSort) => {
      setSelected(new Map());
      setConflicts(new Map());
      anchor.current = null;
      router.replace(withSearchParams(pathname, claimFilterToSearchParams(nextFilter, nextSort)), {
        scroll: false,
      });
    },
    [router, pathname],
  );
  const onFilter = useCallback((next: TClaimFilter) => navigate(next, sort), [navigate, sort]);

  const claims = useInfiniteQuery(
    trpc.corpus.claims.infiniteQueryOptions(
      { filter, sort, limit: PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, initialCursor: 0 },
    ),
  );
  const count = useQuery(trpc.corpus.count.queryOptions({ filter }));
  const rows = useMemo(() => claims.data?.pages.flatMap((p) => p.items) ?? [], [claims.data]);

  const onSelect = (index: number, shift: boolean) => {
    const next = new Map(selected);
    if (index < 0) {
      // The header checkbox: all loaded rows, or none.
      const all = rows.length > 0 && rows.every((r) => next.has(r.id));
      if (all) next.clear();
      else for (const r of rows) next.set(r.id, r.version);
      setSelected(next);
      return;
    }
    const row = rows[index];
    if (!row) return;
    if (shift && anchor.current !== null) {
      const [from, to] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
      for (const r of rows.slice(from, to + 1)) next.set(r.id, r.version);
    } else if (next.has(row.id)) next.delete(row.id);
    else next.set(row.id, row.version);
    anchor.current = index;
    setSelected(next);
  };

  const exportHref = withSearchParams("/export", claimFilterToSearchParams(filter));
  const total = count.data
    ? `${count.data.total.toLocaleString("en")}${count.data.capped ? "+" : ""} claim${count.data.total === 1 && !count.data.capped ? "" : "s"}`
    : count.isError
      ? "Count unavailable"
      : "Counting…";

  return (
    <div>
      <FilterBar filter={filter} onChange={onFilter} />
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-600" data-testid="claims-count">
          {total}
        </p>
        <a href={exportHref} className="text-indigo-700 hover:underline">
          Export this view
        </a>
      </div>
      {/* Bulk actions change claims: not offered to viewers. */}
      {can("analyst") ? (
        <ClaimsTableBulkBar
          selected={selected}
          onClear={() => setSelected(new Map())}
          onDone={(result) => {
            const failed = new Map<number, string>();
            for (const r of result.results) if (!r.ok) failed.set(r.id, r.message);
            setConflicts(failed);
            // Keep the refused claims selected so the analyst can look at them; drop the rest.
            setSelected(new Map([...selected].filter(([id]) => failed.has(id))));
          }}
        />
      ) : null}
      {claims.isPending ? (
        <LoadingState label="Loading claims…" />
      ) : claims.isError ? (
        <ErrorState
          title="Could not load the claims"
          error={claims.error}
          onRetry={() => void claims.refetch()}
        />
      ) : rows.length === 0 ? (
        <EmptyState title="No claims match this view">
          {Object.keys(filter).length > 0
            ? "Try removing a filter or searching for something else."
            : "Import articles to see their claims here."}
        </EmptyState>
      ) : (
        <ClaimsTable
          rows={rows}
          sort={sort}
          onSort={(next) => navigate(filter, next)}
          selected={selected}
          onSelect={onSelect}
          conflicts={conflicts}
          hasNextPage={claims.hasNextPage}
          isFetchingNextPage={claims.isFetchingNextPage}
          fetchNextPage={() => void claims.fetchNextPage()}
        />
      )}
    </div>
  );
}
