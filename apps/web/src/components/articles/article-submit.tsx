"use client";
/**
 * Submitting my layer of the article: one action for the whole article (the header's "Submit
 * article" button or Ctrl+Enter). It asks first, saying how many suggestions I left undecided
 * (they count as no opinion); once submitted my layer is final (the server refuses edits) and the
 * other analysts' submitted layers show beside mine.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { formMessage } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import { formatTime } from "../claims/annotation-format";

export function ArticleSubmit({
  articleId,
  submittedAt,
  undecided,
  confirming,
  onConfirming,
  onSubmitted,
}: {
  articleId: number;
  submittedAt: string | null;
  /** Suggestions in my layer still neither accepted nor rejected. */
  undecided: number;
  confirming: boolean;
  onConfirming: (confirming: boolean) => void;
  onSubmitted: (message: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const submit = useMutation(trpc.article.submit.mutationOptions());
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  if (submittedAt)
    return (
      <p
        role="status"
        data-testid="article-submitted"
        className="rounded-md bg-emerald-50 px-3 py-1.5 text-sm text-emerald-900 ring-1 ring-emerald-200"
      >
        <span aria-hidden="true">✓ </span>
        Submitted {formatTime(submittedAt)}: your layer is final.
      </p>
    );

  const go = () =>
    submit.mutate(
      { id: articleId },
      {
        onSuccess: (result) => {
          onConfirming(false);
          onSubmitted(
            `Submitted your layer of this article${
              result.undecided > 0
                ? ` (${result.undecided} suggestion${result.undecided === 1 ? "" : "s"} left undecided)`
                : ""
            }: it is final now.`,
          );
          // Everything the article shows changes: my view, the others' layers, gold, history.
          void queryClient.invalidateQueries();
        },
      },
    );

  return (
    <div data-testid="article-submit" className="flex flex-col items-end gap-1 text-sm">
      {confirming ? (
        <div
          role="alertdialog"
          aria-labelledby={`submit-${articleId}-title`}
          className="max-w-md rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950"
        >
          <p id={`submit-${articleId}-title`} data-testid="submit-warning">
            {undecided > 0
              ? `${undecided} suggestion${undecided === 1 ? " is" : "s are"} still undecided (neither accepted nor rejected): ${undecided === 1 ? "it counts" : "they count"} as no opinion. `
              : "Every suggestion has your decision. "}
            Submitting makes your layer of this article final.
          </p>
          <div className="mt-2 flex gap-2">
            <button
              ref={confirmRef}
              type="button"
              data-submit-confirm
              onClick={go}
              disabled={submit.isPending}
              className="rounded-md bg-indigo-600 px-3 py-1 font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
            >
              {submit.isPending ? "Submitting…" : "Submit now"}
            </button>
            <button
              type="button"
              onClick={() => onConfirming(false)}
              className="rounded-md px-3 py-1 text-slate-700 ring-1 ring-slate-300 hover:bg-white"
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => onConfirming(true)}
          aria-keyshortcuts="Control+Enter"
          className="rounded-md bg-indigo-600 px-3 py-1.5 font-semibold text-white hover:bg-indigo-500"
        >
          Submit article
          <span aria-hidden="true">
            <kbd className="ml-1 rounded bg-white/20 px-1 font-mono text-[10px]">Ctrl+Enter</kbd>
          </span>
        </button>
      )}
      {submit.error ? (
        <p role="alert" className="text-xs text-red-700">
          {formMessage(submit.error)}
        </p>
      ) : null}
    </div>
  );
}
