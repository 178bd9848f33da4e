"use client";
/** /sources: name variants the registry proposes to merge ("Blair" beside "Tony Blair"), each
 * confirmed by an analyst with one click, and the recent merges with their undo. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formMessage } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { useSessionUser } from "../auth/auth-session-user";

const claimsOf = (n: number) => `${n.toLocaleString("en")} claim${n === 1 ? "" : "s"}`;

export function SourceMergeProposals({ onNotice }: { onNotice: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useSessionUser().can("analyst");
  const proposals = useQuery(trpc.source.mergeProposals.queryOptions({ limit: 10 }));
  const merge = useMutation(
    trpc.source.merge.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries();
        onNotice(`Merged into "${result.kept.name}": ${claimsOf(result.movedClaims)} moved.`);
      },
    }),
  );
  const items = proposals.data ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="proposals-title" className="mb-4 rounded border border-slate-200 p-3">
      <h2 id="proposals-title" className="text-sm font-semibold text-slate-800">
        Proposed merges
      </h2>
      <p className="mb-2 text-xs text-slate-500">
        Names that look like variants of one another. Check that they are the same speaker first.
      </p>
      {merge.isError ? (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {formMessage(merge.error)}
        </p>
      ) : null}
      <ul className="space-y-1 text-sm">
        {items.map((p) => (
          <li key={`${p.merge.id}-${p.keep.id}`} className="flex flex-wrap items-center gap-2">
            <span>
              <span className="font-medium">{p.merge.name}</span> ({claimsOf(p.merge.claimCount)})
              {" → "}
              <span className="font-medium">{p.keep.name}</span> ({claimsOf(p.keep.claimCount)})
              <span className="text-xs text-slate-500">
                {" "}
                · {p.reason === "surname" ? "surname" : "initials"}
                {p.alternatives > 0
                  ? ` · ${p.alternatives} other full name${p.alternatives === 1 ? "" : "s"} share it`
                  : ""}
              </span>
            </span>
            {canEdit ? (
              <button
                type="button"
                disabled={merge.isPending}
                onClick={() => merge.mutate({ keepId: p.keep.id, mergeIds: [p.merge.id] })}
                aria-label={`Merge ${p.merge.name} into ${p.keep.name}`}
                className="rounded px-2 py-0.5 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50 disabled:opacity-40"
              >
                Merge
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SourceRecentMerges({ onNotice }: { onNotice: (message: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = useSessionUser().can("analyst");
  const recent = useQuery(trpc.source.recentMerges.queryOptions({ limit: 5 }));
  const undo = useMutation(
    trpc.source.undoMerge.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries();
        onNotice(
          `Undid the merge of "${result.restored.name}" into "${result.kept.name}": ${claimsOf(result.restoredClaims)} restored${result.claimsLeft > 0 ? `, ${claimsOf(result.claimsLeft)} re-linked since stay` : ""}.`,
        );
      },
    }),
  );
  const items = recent.data ?? [];
  if (items.length === 0) return null;
  return (
    <section
      aria-labelledby="recent-merges-title"
      className="mt-4 rounded border border-slate-200 p-3"
    >
      <h2 id="recent-merges-title" className="text-sm font-semibold text-slate-800">
        Recent merges
      </h2>
      {undo.isError ? (
        <p role="alert" className="mb-2 text-sm text-red-700">
          {formMessage(undo.error)}
        </p>
      ) : null}
      <ul className="space-y-1 text-sm">
        {items.map((m) => (
          <li key={m.eventId} className="flex flex-wrap items-center gap-2">
            <span>
              <span className="font-medium">{m.merged.name}</span> into{" "}
              <span className="font-medium">{m.kept.name}</span>
              <span className="text-xs text-slate-500">
                {" "}
                · {claimsOf(m.movedClaims)} · {m.actorName ?? "someone"},{" "}
                {new Date(m.at).toLocaleString("en-GB")}
              </span>
            </span>
            {canEdit ? (
              <button
                type="button"
                disabled={undo.isPending}
                onClick={() => undo.mutate({ id: m.merged.id })}
                aria-label={`Undo merge of ${m.merged.name}`}
                className="rounded px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 disabled:opacity-40"
              >
                Undo
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
