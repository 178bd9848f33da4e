"use client";
/** /propositions: every proposition with how many claims bear on it, searchable. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { EmptyState, ErrorState, LoadingState } from "../shared/query-states";
import { useDebounced } from "../shared/use-debounced";

export function PropositionsList() {
  const trpc = useTRPC();
  const [draft, setDraft] = useState("");
  const query = useDebounced(draft.trim(), 250);
  const searchId = useId();
  const list = useQuery(
    trpc.corpus.propositions.queryOptions(
      { query: query || undefined, limit: 200 },
      { placeholderData: keepPreviousData },
    ),
  );
  return (
    <section>
      <label htmlFor={searchId} className="block text-sm font-medium text-slate-700">
        Search propositions
      </label>
      <input
        id={searchId}
        type="search"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        className="mb-4 w-80 rounded border border-slate-300 px-2 py-1 text-sm"
      />
      {list.isPending ? (
        <LoadingState label="Loading propositions…" />
      ) : list.isError ? (
        <ErrorState
          title="Could not load the propositions"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.items.length === 0 ? (
        <EmptyState title="No propositions yet">
          {query
            ? "None matches this search."
            : "Link claims to a proposition from an article or the claims table."}
        </EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded border border-slate-200 bg-white">
          {list.data.items.map((p) => (
            <li key={p.id} className="flex items-center justify-between gap-4 px-3 py-2">
              <Link href={`/propositions/${p.id}`} className="text-indigo-800 hover:underline">
                {p.text}
              </Link>
              <span className="shrink-0 text-sm text-slate-500">
                {p.claimCount.toLocaleString("en")} claim{p.claimCount === 1 ? "" : "s"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
