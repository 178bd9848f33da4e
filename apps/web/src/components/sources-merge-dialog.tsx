"use client";
/** Confirms a merge of two sources: the analyst picks which one to keep; the other's claims and
 * aliases move to it. A modal <dialog>, so focus stays inside until it is confirmed or cancelled. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import type { RouterOutputs } from "~/trpc/types";

type RegistrySource = RouterOutputs["corpus"]["sources"]["items"][number];

export function SourcesMergeDialog({
  pair,
  onClose,
  onMerged,
}: {
  pair: [RegistrySource, RegistrySource];
  onClose: () => void;
  onMerged: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ref = useRef<HTMLDialogElement>(null);
  // Keep the more-cited source by default.
  const [keepId, setKeepId] = useState(
    pair[0].claimCount >= pair[1].claimCount ? pair[0].id : pair[1].id,
  );
  const keep = pair[0].id === keepId ? pair[0] : pair[1];
  const merge = pair[0].id === keepId ? pair[1] : pair[0];
  const mutation = useMutation(
    trpc.corpus.mergeSources.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries();
        onMerged(
          `Merged "${merge.name}" into "${result.kept.name}": ${result.movedClaims} claim${result.movedClaims === 1 ? "" : "s"} moved.`,
        );
      },
    }),
  );
  useEffect(() => {
    ref.current?.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="merge-title"
      className="m-auto w-full max-w-lg rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      <h2 id="merge-title" className="text-lg font-semibold">
        Merge two sources
      </h2>
      <fieldset className="mt-3">
        <legend className="text-sm text-slate-600">Which source do you keep?</legend>
        {pair.map((s) => (
          <label key={s.id} className="mt-2 flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="keep"
              checked={keepId === s.id}
              onChange={() => setKeepId(s.id)}
            />
            <span>
              <span className="font-medium">{s.name}</span>{" "}
              <span className="text-slate-500">
                ({s.claimCount} claim{s.claimCount === 1 ? "" : "s"}
                {s.aliases.length > 0 ? `; also ${s.aliases.join(", ")}` : ""})
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="mt-3 rounded bg-amber-50 px-3 py-2 text-sm text-amber-900">
        &ldquo;{merge.name}&rdquo; will be merged into &ldquo;{keep.name}&rdquo;: its{" "}
        {merge.claimCount} claim{merge.claimCount === 1 ? "" : "s"} will cite &ldquo;{keep.name}
        &rdquo;, and its name and aliases become aliases of &ldquo;{keep.name}&rdquo;.
      </p>
      {mutation.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {mutation.error.message}
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
          onClick={() => mutation.mutate({ keepId: keep.id, mergeId: merge.id })}
          className="rounded bg-indigo-600 px-3 py-1 text-sm font-medium text-white disabled:opacity-50"
        >
          {mutation.isPending ? "Merging…" : `Merge into "${keep.name}"`}
        </button>
      </div>
    </dialog>
  );
}
