"use client";
/**
 * The claim editor's "Submit" control: a convenience for submitting my layer of the whole article
 * (as the header's "Submit article" and Ctrl+Enter do); once submitted the editor is gone.
 */
import type { Annotation } from "~/trpc/types";
import { FieldMessage } from "../shared/field-message";
import { formatTime } from "./annotation-format";

export function AnnotationSubmit({
  annotation,
  onSubmit,
  submitting,
  error,
}: {
  annotation: Annotation | null;
  onSubmit: () => void;
  submitting: boolean;
  error: string | null;
}) {
  const submittedAt = annotation?.submittedAt ?? null;
  return (
    <div
      data-testid="annotation-submit"
      data-submitted={submittedAt ? "true" : "false"}
      className="flex flex-wrap items-center gap-2 border-t border-slate-200 pt-2"
    >
      {submittedAt ? (
        <p role="status" className="text-xs text-emerald-800">
          <span aria-hidden="true">✓ </span>
          Submitted {formatTime(submittedAt)}: your layer of this article is final.
        </p>
      ) : (
        <>
          <button
            type="button"
            onClick={onSubmit}
            disabled={submitting}
            aria-keyshortcuts="Control+Enter"
            className="rounded-md bg-indigo-600 px-3 py-1 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-60"
          >
            {submitting ? "Submitting…" : "Submit"}
            <span aria-hidden="true">
              <kbd className="ml-1 rounded bg-white/20 px-1 font-mono text-[10px]">Ctrl+Enter</kbd>
            </span>
          </button>
          <p className="text-[11px] text-slate-500">
            Draft. Submitting makes your layer of the whole article final; other analysts’ layers
            stay hidden until then.
          </p>
        </>
      )}
      <FieldMessage error={error ?? undefined} />
    </div>
  );
}
