"use client";
/**
 * The article's cleaned text with every claim's source, cue and content highlighted. Text is only
 * ever React text children (it is untrusted). Selecting text offers to create a claim from it.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  buildSegments,
  groupByParagraph,
  paragraphRanges,
  type RoleSpan,
  type Segment,
} from "~/lib/build-segments";
import { spanFromSelection, type TextSpan } from "~/lib/selection-offsets";
import type { ClaimDetail } from "~/trpc/types";
import { isTypingTarget } from "./use-shortcuts";

export type ClaimSelection = { id: number; from: "text" | "panel" } | null;

function claimSpans(claims: readonly ClaimDetail[]): RoleSpan[] {
  const spans: RoleSpan[] = [];
  for (const c of claims) {
    spans.push({ claimId: c.id, role: "content", start: c.contentStart, end: c.contentEnd });
    if (c.sourceStart !== null && c.sourceEnd !== null)
      spans.push({ claimId: c.id, role: "source", start: c.sourceStart, end: c.sourceEnd });
    if (c.cueStart !== null && c.cueEnd !== null)
      spans.push({ claimId: c.id, role: "cue", start: c.cueStart, end: c.cueEnd });
  }
  return spans;
}

/**
 * The claim a pointer on this segment means: a source or cue wins over content (they sit inside
 * other claims' content), then the claim with the shortest content (the innermost).
 */
function primaryClaim(segment: Segment, claimsById: Map<number, ClaimDetail>): number | null {
  let best: { id: number; rank: number } | null = null;
  for (const { claimId, role } of segment.roles) {
    const claim = claimsById.get(claimId);
    if (!claim) continue;
    const rank = (role === "content" ? 1_000_000 : 0) + (claim.contentEnd - claim.contentStart);
    if (!best || rank < best.rank) best = { id: claimId, rank };
  }
  return best?.id ?? null;
}

const CONTENT_TINT = {
  suggested: "bg-sky-100",
  accepted: "bg-emerald-100",
  rejected: "bg-slate-100",
} as const;

/** Tailwind classes for one segment: content tint, source underline, cue colour, active emphasis. */
function segmentClass(
  segment: Segment,
  claimsById: Map<number, ClaimDetail>,
  selectedId: number | null,
  hoveredId: number | null,
): string {
  if (segment.roles.length === 0) return "";
  const classes = ["cursor-pointer", "rounded-[2px]"];
  let content: ClaimDetail | undefined;
  let source = false;
  let cue = false;
  let active: "selected" | "hovered" | null = null;
  for (const { claimId, role } of segment.roles) {
    const claim = claimsById.get(claimId);
    if (!claim) continue;
    if (claimId === selectedId) active = "selected";
    else if (claimId === hoveredId && active === null) active = "hovered";
    // Rejected claims stay visible but quiet: no source/cue emphasis unless active.
    const quiet = claim.status === "rejected" && claimId !== selectedId && claimId !== hoveredId;
    if (role === "content") {
      if (!content || content.status === "rejected") content = claim;
    } else if (!quiet) {
      if (role === "source") source = true;
      else cue = true;
    }
  }
  if (active === "selected") classes.push("bg-amber-200");
  else if (active === "hovered") classes.push("bg-amber-100");
  else if (content) classes.push(CONTENT_TINT[content.status]);
  if (source)
    classes.push(
      "font-semibold text-indigo-800 underline decoration-indigo-500 decoration-2 underline-offset-[3px]",
    );
  if (cue)
    classes.push(
      "font-medium text-rose-700 underline decoration-rose-400 decoration-dotted decoration-2 underline-offset-[3px]",
    );
  if (active === "selected") classes.push("ring-1 ring-amber-400");
  return classes.join(" ");
}

/** The paragraphs and their segments; memoised so selection changes do not re-render the text. */
const Paragraphs = memo(function Paragraphs({
  text,
  claims,
  selectedId,
  hoveredId,
}: {
  text: string;
  claims: readonly ClaimDetail[];
  selectedId: number | null;
  hoveredId: number | null;
}) {
  const claimsById = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const paragraphs = useMemo(() => {
    const ranges = paragraphRanges(text);
    const cuts = ranges.flatMap((p) => [p.start, p.end]);
    return groupByParagraph(buildSegments(text, claimSpans(claims), cuts), ranges);
  }, [text, claims]);

  return paragraphs.map((p) => (
    // dir="auto": each paragraph runs in the direction of its first strong character, so Arabic and
    // Persian read right to left (punctuation and quotes in place) beside English left to right.
    <p key={p.start} dir="auto" className="mb-4 whitespace-pre-wrap last:mb-0">
      {p.segments.map((s) => {
        const primary = primaryClaim(s, claimsById);
        return (
          <span
            key={s.start}
            data-start={s.start}
            data-end={s.end}
            data-roles={
              s.roles.length > 0 ? [...new Set(s.roles.map((r) => r.role))].join(" ") : undefined
            }
            data-claims={
              s.roles.length > 0 ? [...new Set(s.roles.map((r) => r.claimId))].join(" ") : undefined
            }
            data-claim={primary ?? undefined}
            className={segmentClass(s, claimsById, selectedId, hoveredId) || undefined}
          >
            {text.slice(s.start, s.end)}
          </span>
        );
      })}
    </p>
  ));
});

interface PendingSelection {
  span: TextSpan;
  top: number;
  left: number;
}

export function ArticleText({
  text,
  claims,
  selection,
  hoveredId,
  onHover,
  onSelect,
  onCreate,
  creating,
  createError,
  markRole,
  onMark,
  marking,
}: {
  text: string;
  claims: readonly ClaimDetail[];
  selection: ClaimSelection;
  hoveredId: number | null;
  onHover: (claimId: number | null) => void;
  onSelect: (claimId: number) => void;
  /** Resolves true once the claim exists; absent when the user may not create claims. */
  onCreate?: ((span: TextSpan) => Promise<boolean>) | undefined;
  creating: boolean;
  createError: string | null;
  /** Set while the next selection is to become this span of the selected claim. */
  markRole: "sourceMention" | "cue" | null;
  onMark: (span: TextSpan) => void;
  /** True while `m` waits for s/c: `c` then means "cue", not "create". */
  marking: boolean;
}) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const selectedId = selection?.id ?? null;

  /** Reads the document selection; offers "Create claim" when it is a span of this article. */
  const readSelection = useCallback(() => {
    const root = rootRef.current;
    const span = root ? spanFromSelection(root, text) : null;
    const range = span ? document.getSelection()?.getRangeAt(0) : undefined;
    if (!root || !span || !range) {
      setPending(null);
      return;
    }
    if (markRole) {
      onMark(span);
      document.getSelection()?.removeAllRanges();
      setPending(null);
      return;
    }
    if (!onCreate) return; // read-only: nothing to offer
    const rects = range.getClientRects();
    const last = rects.item(rects.length - 1) ?? range.getBoundingClientRect();
    const box = root.getBoundingClientRect();
    setPending({
      span,
      top: last.bottom - box.top + 6,
      left: Math.min(Math.max(last.right - box.left, 64), Math.max(box.width - 64, 64)),
    });
  }, [text, markRole, onMark, onCreate]);

  // Offer on mouse/keyboard release (not mid-drag); withdraw as soon as the selection is gone.
  useEffect(() => {
    const onRelease = () => readSelection();
    const onChange = () => {
      const root = rootRef.current;
      if (!root || !spanFromSelection(root, text)) setPending(null);
    };
    document.addEventListener("mouseup", onRelease);
    document.addEventListener("keyup", onRelease);
    document.addEventListener("selectionchange", onChange);
    return () => {
      document.removeEventListener("mouseup", onRelease);
      document.removeEventListener("keyup", onRelease);
      document.removeEventListener("selectionchange", onChange);
    };
  }, [readSelection, text]);

  const create = useCallback(async () => {
    if (!pending || creating || !onCreate) return;
    if (!(await onCreate(pending.span))) return;
    document.getSelection()?.removeAllRanges();
    setPending(null);
  }, [pending, creating, onCreate]);

  // Keyboard: `c` creates a claim from the pending selection, Escape drops the selection.
  useEffect(() => {
    if (!pending || marking) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (event.defaultPrevented) return;
      if (event.key === "c" || event.key === "C") {
        event.preventDefault();
        void create();
      } else if (event.key === "Escape") {
        document.getSelection()?.removeAllRanges();
        setPending(null);
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [pending, create, marking]);

  // A claim chosen in the panel is scrolled into view here.
  useEffect(() => {
    if (selection?.from !== "panel") return;
    rootRef.current
      ?.querySelector(`[data-claims~="${selection.id}"]`)
      ?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [selection]);

  const claimAt = (target: EventTarget | null): number | null => {
    const el = target instanceof Element ? target.closest("[data-claim]") : null;
    const id = Number(el?.getAttribute("data-claim"));
    return Number.isInteger(id) && id > 0 ? id : null;
  };

  return (
    <div className="relative">
      {/* Pointer users pick claims here; keyboard users reach the same claims through the panel
          (whose focus mirrors hover) and select text with caret browsing, read on key release. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: delegated pointer handlers over text */}
      {/* biome-ignore lint/a11y/useKeyWithMouseEvents: hover is mirrored by focus in the claim panel */}
      <div
        ref={rootRef}
        data-testid="article-text"
        className="font-serif text-[1.0625rem] leading-[1.8] text-slate-800"
        onMouseOver={(event) => onHover(claimAt(event.target))}
        onMouseLeave={() => onHover(null)}
        onClick={(event) => {
          if (document.getSelection()?.isCollapsed === false) return;
          const id = claimAt(event.target);
          if (id !== null) onSelect(id);
        }}
        onKeyUp={readSelection}
      >
        <Paragraphs text={text} claims={claims} selectedId={selectedId} hoveredId={hoveredId} />
      </div>
      {pending ? (
        <div
          className="absolute z-20 -translate-x-1/2"
          style={{ top: pending.top, left: pending.left }}
        >
          <button
            type="button"
            aria-keyshortcuts="c"
            aria-label={creating ? "Creating claim" : "Create claim"}
            disabled={creating}
            // Keep the text selection alive while the button is pressed.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => void create()}
            className="rounded-md bg-indigo-600 px-2.5 py-1 text-xs font-semibold text-white shadow-lg ring-1 ring-indigo-700 hover:bg-indigo-500 disabled:opacity-60"
          >
            {creating ? "Creating…" : "Create claim"}
            <kbd className="ml-1.5 rounded bg-indigo-500 px-1 font-mono text-[10px]">C</kbd>
          </button>
        </div>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {pending
          ? `${pending.span.exact.length} characters selected. Press C to create a claim from them.`
          : ""}
      </p>
      {createError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {createError}
        </p>
      ) : null}
    </div>
  );
}
