"use client";
/** Confirms a merge of several sources into one: the analyst picks the one to keep; the others'
 * claims and aliases move to it (undo is offered on the registry page). A modal <dialog>, so
 * focus stays inside until it is confirmed or cancelled. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { formMessage } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";

type RegistrySource = RouterOutputs["corpus"]["sources"]["items"][number];

const claimsOf = (n: number) => `${n.toLocaleString("en")} claim${n === 1 ? "" : "s"}`;

export function SourcesMergeDialog({
  sources,
  onClose,
  onMerged,
}: {
  sources: RegistrySource[];
  onClose: () => void;
  onMerged: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ref = useRef<HTMLDialogElement>(null);
  // Keep the most-cited source by default.
  const [keepId, setKeepId] = useState(
    () => [...sources].sort((a, b) => b.claimCount - a.claimCount)[0]?.id ?? 0,
  );
  const keep = sources.find((s) => s.id === keepId) ?? sources[0];
  const merging = sources.filter((s) => s.id !== keep?.id);
  const mutation = useMutation(
    trpc.source.merge.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries();
        const names = merging.map((s) => `"${s.name}"`).join(", ");
        onMerged(
          `Merged ${names} into "${result.kept.name}": ${claimsOf(result.movedClaims)} moved.`,
        );
      },
    }),
  );
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  if (!keep) return null;
  const title = sources.length === 2 ? "Merge two sources" : `Merge ${sources.length} sources`;

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="merge-title"
      className="m-auto w-full max-w-lg rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id="merge-title" className="text-lg font-semibold">
        {title}
      </h2>
      <fieldset className="mt-3 max-h-72 overflow-y-auto">
        <legend className="text-sm text-slate-600">Which source do you keep?</legend>
        {sources.map((s) => (
          <label key={s.id} className="mt-2 flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="keep"
              checked={keep.id === s.id}
              onChange={() => setKeepId(s.id)}
            />
            <span>
              <span className="font-medium">{s.name}</span>{" "}
              <span className="text-slate-500">
                ({claimsOf(s.claimCount)}
                {s.aliases.length > 0 ? `; also ${s.aliases.join(", ")}` : ""})
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="mt-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {merging.map((s) => `“${s.name}”`).join(", ")} will be merged into &ldquo;{keep.name}
        &rdquo;: their {claimsOf(merging.reduce((n, s) => n + s.claimCount, 0))} will cite &ldquo;
        {keep.name}&rdquo;, and their names and aliases become aliases of &ldquo;{keep.name}
        &rdquo;. You can undo it afterwards.
      </p>
      {mutation.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {formMessage(mutation.error)}
        </p>
      ) : null}
      <div className="mt-4 flex justify-end gap-2">
        <button
          type="button"
          onClick={() => ref.current?.close()}
          className="rounded border border-slate-300 px-3 py-1 text-sm"
        >
          Cancel
        </button>
        <button
          type="button"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate({ keepId: keep.id, mergeIds: merging.map((s) => s.id) })}
          className="rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
        >
          {mutation.isPending ? "Merging…" : `Merge into "${keep.name}"`}
        </button>
      </div>
    </dialog>
  );
}
