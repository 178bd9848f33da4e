"use client";
/**
 * A new claim from the keyboard alone, without caret browsing: `n` proposes the current sentence
 * as the content, j / k move to the next / previous sentence, [ ] { } move its edges a word, Enter
 * confirms; then the source mention and the cue are proposed the same way (a guess from the
 * sentence, adjusted with the same keys; 0 or Backspace for none), and the last Enter creates it.
 * The proposal is shown in this box and highlighted in the article text (CSS Custom Highlight API,
 * so the text's own rendering is untouched).
 */
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TextSpan } from "~/lib/selection-offsets";
import type { SpanRole } from "~/lib/shortcut-map";
import {
  adjacentSentence,
  guessSpan,
  nudgeSpan,
  sentenceAt,
  withoutFinalStop,
} from "~/lib/span-nudge";
import { fieldMessage } from "~/trpc/errors";
import { useTRPC } from "~/trpc/react";
import type { ClaimDetail } from "~/trpc/types";

export interface NewClaimDraft {
  step: SpanRole;
  content: TextSpan;
  sourceMention: TextSpan | null;
  cue: TextSpan | null;
}

const STEP_NAMES: Record<SpanRole, string> = {
  content: "content",
  sourceMention: "source mention",
  cue: "cue",
};
/** Styled in globals.css (`::highlight(claimdesk-new-claim)`). */
const HIGHLIGHT = "claimdesk-new-claim";

/** The DOM range of article offsets [start, end), from the rendered segments (null if not shown). */
function rangeOf(start: number, end: number): Range | null {
  const root = document.querySelector('[data-testid="article-text"]');
  if (!root) return null;
  let startPoint: [Node, number] | null = null;
  let endPoint: [Node, number] | null = null;
  for (const el of root.querySelectorAll<HTMLElement>("[data-start]")) {
    const s = Number(el.dataset.start);
    const e = Number(el.dataset.end);
    const node = el.firstChild;
    if (!node || node.nodeType !== Node.TEXT_NODE || !Number.isInteger(s)) continue;
    if (!startPoint && start >= s && start < e) startPoint = [node, start - s];
    if (end > s && end <= e) {
      endPoint = [node, end - s];
      break;
    }
  }
  if (!startPoint || !endPoint) return null;
  const range = document.createRange();
  range.setStart(...startPoint);
  range.setEnd(...endPoint);
  return range;
}

export function useNewClaim({
  articleId,
  articleText,
  onCreated,
}: {
  articleId: number;
  articleText: string;
  onCreated: (claim: ClaimDetail) => void;
}) {
  const trpc = useTRPC();
  const create = useMutation(trpc.claim.create.mutationOptions());
  const [draft, setDraftState] = useState<NewClaimDraft | null>(null);
  // The draft as of the last key: keys typed faster than React renders build on each other.
  const now = useRef<NewClaimDraft | null>(null);
  const setDraft = useCallback(
    (next: NewClaimDraft | null | ((d: NewClaimDraft | null) => NewClaimDraft | null)) => {
      now.current = typeof next === "function" ? next(now.current) : next;
      setDraftState(now.current);
    },
    [],
  );

  // Highlight the span being proposed in the text, and keep it in view.
  useEffect(() => {
    const span = draft ? draft[draft.step] : null;
    const highlights = typeof CSS !== "undefined" ? CSS.highlights : undefined;
    if (!draft) {
      highlights?.delete(HIGHLIGHT);
      return;
    }
    const shown = span ?? draft.content;
    const range = rangeOf(shown.start, shown.end);
    if (range && highlights) highlights.set(HIGHLIGHT, new Highlight(range));
    range?.startContainer.parentElement?.scrollIntoView({ block: "nearest" });
    return () => {
      highlights?.delete(HIGHLIGHT);
    };
  }, [draft]);

  const start = useCallback(
    (offset: number): boolean => {
      const sentence = sentenceAt(articleText, offset);
      if (!sentence) return false;
      create.reset();
      setDraft({
        step: "content",
        content: withoutFinalStop(sentence),
        sourceMention: null,
        cue: null,
      });
      return true;
    },
    [articleText, create, setDraft],
  );

  const cancel = useCallback(() => setDraft(null), [setDraft]);

  const moveSentence = useCallback(
    (direction: -1 | 1) =>
      setDraft((d) => {
        if (d?.step !== "content") return d;
        const next = adjacentSentence(articleText, d.content, direction);
        return next ? { ...d, content: withoutFinalStop(next) } : d;
      }),
    [articleText, setDraft],
  );

  const guess = useCallback(
    (d: NewClaimDraft, role: Exclude<SpanRole, "content">): TextSpan | null =>
      guessSpan(
        articleText,
        {
          contentStart: d.content.start,
          contentEnd: d.content.end,
          sourceStart: d.sourceMention?.start ?? null,
          sourceEnd: d.sourceMention?.end ?? null,
        },
        role,
      ),
    [articleText],
  );

  const nudge = useCallback(
    (edge: "start" | "end", direction: -1 | 1) =>
      setDraft((d) => {
        if (!d) return d;
        const current = d[d.step];
        if (!current) {
          if (d.step === "content") return d;
          const fresh = guess(d, d.step);
          return fresh ? { ...d, [d.step]: fresh } : d;
        }
        const moved = nudgeSpan(articleText, current, edge, direction);
        return moved ? { ...d, [d.step]: moved } : d;
      }),
    [articleText, guess, setDraft],
  );

  const finish = useCallback(
    async (d: NewClaimDraft) => {
      try {
        const claim = await create.mutateAsync({
          articleId,
          content: d.content,
          sourceMention: d.sourceMention,
          cue: d.cue,
          quoteType: /^["“«„]/.test(d.content.exact) ? "direct" : "indirect",
        });
        setDraft(null);
        onCreated(claim);
      } catch {
        // Shown from create.error; the draft stays for another try.
      }
    },
    [articleId, create, onCreated, setDraft],
  );

  /** Enter: the current span is right; go on to the next one, or create the claim. */
  const confirm = useCallback(() => {
    const draft = now.current;
    if (!draft || create.isPending) return;
    if (draft.step === "content") {
      const next: NewClaimDraft = { ...draft, step: "sourceMention" };
      setDraft({ ...next, sourceMention: guess(next, "sourceMention") });
    } else if (draft.step === "sourceMention") {
      const next: NewClaimDraft = { ...draft, step: "cue" };
      setDraft({ ...next, cue: guess(next, "cue") });
    } else {
      void finish(draft);
    }
  }, [create.isPending, guess, finish, setDraft]);

  /** 0 / Backspace: no source mention (or no cue), and on to the next step. */
  const none = useCallback(() => {
    const draft = now.current;
    if (!draft || draft.step === "content" || create.isPending) return;
    if (draft.step === "sourceMention") {
      const next: NewClaimDraft = { ...draft, step: "cue", sourceMention: null };
      setDraft({ ...next, cue: guess(next, "cue") });
    } else {
      void finish({ ...draft, cue: null });
    }
  }, [create.isPending, guess, finish, setDraft]);

  return {
    draft,
    active: draft !== null,
    start,
    cancel,
    moveSentence,
    nudge,
    confirm,
    none,
    creating: create.isPending,
    error: create.error ? fieldMessage(create.error, "content") : null,
  };
}

export type NewClaimState = ReturnType<typeof useNewClaim>;

export function NewClaimBox({ state }: { state: NewClaimState }) {
  const { draft } = state;
  if (!draft) return null;
  const row = (role: SpanRole) => {
    const span = draft[role];
    const current = draft.step === role;
    const done = SPAN_ORDER.indexOf(role) < SPAN_ORDER.indexOf(draft.step);
    return (
      <div
        key={role}
        data-new-claim-role={role}
        data-current={current || undefined}
        className={`rounded px-2 py-0.5 ${current ? "bg-white ring-2 ring-indigo-500" : ""}`}
      >
        <span className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">
          {STEP_NAMES[role]}
          {done ? " ✓" : ""}
        </span>
        <p className="font-serif text-sm text-slate-800">
          {span ? (
            span.exact
          ) : current || done ? (
            <span className="font-sans text-xs italic text-slate-500">none</span>
          ) : (
            <span className="font-sans text-xs italic text-slate-400">next</span>
          )}
        </p>
      </div>
    );
  };
  return (
    <section
      aria-label="New claim"
      data-testid="new-claim"
      data-step={draft.step}
      className="border-b border-indigo-200 bg-indigo-50 px-3 py-2 text-sm text-indigo-950"
    >
      <h2 className="text-sm font-semibold">New claim: {STEP_NAMES[draft.step]}</h2>
      <p className="mb-1 text-[11px] text-indigo-900" role="status">
        {draft.step === "content"
          ? "j / k sentence · [ ] start · { } end a word · Enter confirms · Esc cancels"
          : `[ ] start · { } end a word · Enter confirms · 0 or Backspace: no ${STEP_NAMES[draft.step]} · Esc cancels`}
      </p>
      <div className="space-y-1">{SPAN_ORDER.map(row)}</div>
      {state.creating ? <p className="mt-1 text-xs">Creating…</p> : null}
      {state.error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.error}
        </p>
      ) : null}
    </section>
  );
}

const SPAN_ORDER: readonly SpanRole[] = ["content", "sourceMention", "cue"];
