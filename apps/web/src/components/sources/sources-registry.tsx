"use client";
/** /sources: the source registry — search, kind filter, claim counts, editing a source, merging
 * several into one (and undoing it), and the proposed merges of name variants. */
import {
  RELIABILITY_LABELS,
  SOURCE_AFFILIATION_LABELS,
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  SOURCE_MERGE_MAX,
  SOURCE_QUERY_MAX,
  type TSourceKind,
} from "@claimdesk/types";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { claimFilterToSearchParams, withSearchParams } from "~/lib/claim-filter-url";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";
import { useSessionUser } from "../auth/auth-session-user";
import { EmptyState, ErrorState, LoadingState } from "../shared/query-states";
import { useDebounced } from "../shared/use-debounced";
import { SourceEditDialog } from "./source-edit-dialog";
import { SourceMergeProposals, SourceRecentMerges } from "./source-merge-proposals";
import { SourcesMergeDialog } from "./sources-merge-dialog";

type RegistrySource = RouterOutputs["corpus"]["sources"]["items"][number];
const PAGE_SIZE = 50;

export function SourcesRegistry() {
  const trpc = useTRPC();
  const [draft, setDraft] = useState("");
  const query = useDebounced(draft.trim(), 250);
  const [kind, setKind] = useState<TSourceKind | "">("");
  const [page, setPage] = useState(0);
  const [picked, setPicked] = useState<RegistrySource[]>([]);
  const [merging, setMerging] = useState<RegistrySource[] | null>(null);
  const [editing, setEditing] = useState<RegistrySource | null>(null);
  const canEdit = useSessionUser().can("analyst");
  const [notice, setNotice] = useState<string | null>(null);
  const searchId = useId();
  const kindId = useId();

  const list = useQuery(
    trpc.corpus.sources.queryOptions(
      {
        query: query || undefined,
        kind: kind ? [kind] : undefined,
        limit: PAGE_SIZE,
        offset: page * PAGE_SIZE,
      },
      { placeholderData: keepPreviousData },
    ),
  );
  const toggle = (s: RegistrySource) =>
    setPicked((now) =>
      now.some((p) => p.id === s.id)
        ? now.filter((p) => p.id !== s.id)
        : [...now, s].slice(-SOURCE_MERGE_MAX),
    );

  return (
    <section>
      <SourceMergeProposals onNotice={setNotice} />
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={searchId} className="block text-sm font-medium text-slate-700">
            Search sources
          </label>
          <input
            id={searchId}
            type="search"
            value={draft}
            onChange={(event) => {
              setDraft(event.target.value);
              setPage(0);
            }}
            placeholder="Name or alias"
            maxLength={SOURCE_QUERY_MAX}
            className="w-64 rounded border border-slate-300 px-2 py-1 text-sm"
          />
        </div>
        <div>
          <label htmlFor={kindId} className="block text-sm font-medium text-slate-700">
            Kind
          </label>
          <select
            id={kindId}
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as TSourceKind | "");
              setPage(0);
            }}
            className="rounded border border-slate-300 bg-white px-1 py-1 text-sm"
          >
            <option value="">Any kind</option>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {SOURCE_KIND_LABELS[k].label}
              </option>
            ))}
          </select>
        </div>
        {canEdit ? (
          <button
            type="button"
            disabled={picked.length < 2}
            onClick={() => setMerging(picked)}
            className="rounded bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-40"
          >
            Merge selected ({picked.length})
          </button>
        ) : null}
        {list.data ? (
          <span className="text-sm text-slate-500">
            {list.data.total.toLocaleString("en")} source{list.data.total === 1 ? "" : "s"}
          </span>
        ) : null}
      </div>
      {notice ? (
        <p role="status" className="mb-3 rounded bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {notice}
        </p>
      ) : null}
      {list.isPending ? (
        <LoadingState label="Loading sources…" />
      ) : list.isError ? (
        <ErrorState
          title="Could not load the sources"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : list.data.items.length === 0 ? (
        <EmptyState title="No sources match">
          {query || kind ? "Try another name or kind." : "Sources appear as claims are imported."}
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <th className="w-10 px-2 py-2">
                  <span className="sr-only">Select to merge</span>
                </th>
                <th className="px-2 py-2">Name and aliases</th>
                <th className="px-2 py-2">Kind</th>
                <th className="px-2 py-2">Affiliation</th>
                <th className="px-2 py-2">Country</th>
                <th className="px-2 py-2">Reliability</th>
                <th className="px-2 py-2 text-right">Claims</th>
                {canEdit ? (
                  <th className="px-2 py-2">
                    <span className="sr-only">Edit</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((s) => (
                <tr key={s.id} className="border-t border-slate-100" data-source-id={s.id}>
                  <td className="px-2 py-2">
                    <input
                      type="checkbox"
                      aria-label={`Select ${s.name} to merge`}
                      checked={picked.some((p) => p.id === s.id)}
                      onChange={() => toggle(s)}
                    />
                  </td>
                  <td className="px-2 py-2">
                    <span className="font-medium">{s.name}</span>
                    {s.aliases.length > 0 ? (
                      <span className="block text-xs text-slate-500">
                        also {s.aliases.join(", ")}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-2 py-2" title={SOURCE_KIND_LABELS[s.kind].description}>
                    {SOURCE_KIND_LABELS[s.kind].label}
                  </td>
                  <td className="px-2 py-2">{SOURCE_AFFILIATION_LABELS[s.affiliation].label}</td>
                  <td className="px-2 py-2">{s.country ?? "—"}</td>
                  <td className="px-2 py-2" title={RELIABILITY_LABELS[s.reliability].description}>
                    {RELIABILITY_LABELS[s.reliability].label}
                  </td>
                  <td className="px-2 py-2 text-right">
                    <Link
                      href={withSearchParams(
                        "/claims",
                        claimFilterToSearchParams({ sourceId: [s.id] }),
                      )}
                      className="text-indigo-700 hover:underline"
                    >
                      {s.claimCount.toLocaleString("en")}
                    </Link>
                  </td>
                  {canEdit ? (
                    <td className="px-2 py-2">
                      <button
                        type="button"
                        onClick={() => setEditing(s)}
                        aria-label={`Edit ${s.name}`}
                        className="rounded px-2 py-0.5 text-xs font-medium text-indigo-700 hover:bg-indigo-50"
                      >
                        Edit
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.data && list.data.total > PAGE_SIZE ? (
        <div className="mt-2 flex items-center gap-2 text-sm">
          <button
            type="button"
            disabled={page === 0}
            onClick={() => setPage((p) => p - 1)}
            className="rounded border px-2 py-1 disabled:opacity-40"
          >
            Previous
          </button>
          <span>
            Page {page + 1} of {Math.ceil(list.data.total / PAGE_SIZE)}
          </span>
          <button
            type="button"
            disabled={(page + 1) * PAGE_SIZE >= list.data.total}
            onClick={() => setPage((p) => p + 1)}
            className="rounded border px-2 py-1 disabled:opacity-40"
          >
            Next
          </button>
        </div>
      ) : null}
      {merging ? (
        <SourcesMergeDialog
          sources={merging}
          onClose={() => setMerging(null)}
          onMerged={(message) => {
            setNotice(message);
            setPicked([]);
            setMerging(null);
          }}
        />
      ) : null}
      {editing ? (
        <SourceEditDialog
          source={editing}
          onClose={() => setEditing(null)}
          onSaved={(message) => {
            setNotice(message);
            setEditing(null);
          }}
        />
      ) : null}
      <SourceRecentMerges onNotice={setNotice} />
    </section>
  );
}
