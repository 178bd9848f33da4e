"use client";
/**
 * Bulk actions on the selected claims: accept, reject, set (or clear) a proposition. Each claim
 * goes with the version the table showed; the result names every claim that was refused
 * (changed by someone else, or gone), and the table marks those rows.
 */
import type { TBulkAction } from "@claimdesk/types";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";

type BulkResult = RouterOutputs["corpus"]["bulkUpdate"];

export function ClaimsTableBulkBar({
  selected,
  onDone,
  onClear,
}: {
  /** Selected claim id → the version the table showed. */
  selected: ReadonlyMap<number, number>;
  onDone: (result: BulkResult) => void;
  onClear: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const facets = useQuery(trpc.corpus.facets.queryOptions());
  const [propositionId, setPropositionId] = useState("");
  const [last, setLast] = useState<BulkResult | null>(null);
  const pickerId = useId();
  const bulk = useMutation(
    trpc.corpus.bulkUpdate.mutationOptions({
      onSuccess: async (result) => {
        setLast(result);
        onDone(result);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.corpus.claims.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.corpus.count.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.corpus.stats.pathKey() }),
        ]);
      },
    }),
  );
  const run = (action: TBulkAction) =>
    bulk.mutate({
      claims: [...selected].map(([id, version]) => ({ id, version })),
      action,
    });
  const count = selected.size;
  const failed = last?.results.filter((r) => !r.ok) ?? [];

  return (
    <div className="mb-2 flex flex-wrap items-center gap-2 text-sm" aria-live="polite">
      <span className="font-medium text-slate-700">
        {count === 0 ? "No claims selected" : `${count.toLocaleString("en")} selected`}
      </span>
      <button
        type="button"
        disabled={count === 0 || bulk.isPending}
        onClick={() => run({ type: "accept" })}
        className="rounded border border-emerald-300 bg-emerald-50 px-2 py-1 text-emerald-900 disabled:opacity-40"
      >
        Accept
      </button>
      <button
        type="button"
        disabled={count === 0 || bulk.isPending}
        onClick={() => run({ type: "reject" })}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-slate-800 disabled:opacity-40"
      >
        Reject
      </button>
      <label htmlFor={pickerId} className="text-slate-600">
        Proposition
      </label>
      <select
        id={pickerId}
        value={propositionId}
        onChange={(event) => setPropositionId(event.target.value)}
        className="max-w-64 rounded border border-slate-300 bg-white px-1 py-1"
      >
        <option value="">None (clear)</option>
        {(facets.data?.propositions ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.text}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={count === 0 || bulk.isPending}
        onClick={() =>
          run({
            type: "setProposition",
            propositionId: propositionId ? Number(propositionId) : null,
          })
        }
        className="rounded border border-indigo-300 bg-indigo-50 px-2 py-1 text-indigo-900 disabled:opacity-40"
      >
        Set proposition
      </button>
      {count > 0 ? (
        <button type="button" onClick={onClear} className="px-1 text-indigo-700 hover:underline">
          Clear selection
        </button>
      ) : null}
      {bulk.isPending ? <span role="status">Saving…</span> : null}
      {bulk.isError ? (
        <span role="alert" className="text-red-700">
          {bulk.error.message}
        </span>
      ) : null}
      {last && !bulk.isPending ? (
        <div role="status" className="basis-full text-slate-700" data-testid="bulk-result">
          Updated {last.updated} claim{last.updated === 1 ? "" : "s"}
          {failed.length > 0 ? (
            <>
              ; {failed.length} not updated:
              <ul className="ml-4 list-disc text-red-800">
                {failed.map((r) => (
                  <li key={r.id}>
                    Claim {r.id}: {"message" in r ? r.message : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            "."
          )}
        </div>
      ) : null}
    </div>
  );
}
