"use client";
/**
 * The article's cleaned text with every claim's source, cue and content highlighted. Text is only
 * ever React text children (it is untrusted). Selecting text offers to create a claim from it.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  buildSegments,
  paragraphRanges,
  type RoleSpan,
  type Segment,
  type TextBlock,
  type TextRange,
  textBlocks,
} from "~/lib/build-segments";
import { spanFromSelection, type TextSpan } from "~/lib/selection-offsets";
import type { ClaimDetail } from "~/trpc/types";
import { isTypingTarget } from "../claims/use-shortcuts";
import { useScrollVirtualizer } from "./use-scroll-virtualizer";

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

/** Above either, the text is rendered a block at a time as it scrolls into view. */
const LONG_ARTICLE_CHARS = 100_000;
const LONG_ARTICLE_PARAGRAPHS = 300;
/** A long article's paragraphs are cut into blocks of at most this many characters (a screen). */
const BLOCK_CHARS = 1_500;

interface Block extends TextBlock {
  segments: Segment[];
  /** Every claim with a part in this block. */
  claimIds: ReadonlySet<number>;
}

/** The index of the range holding text offset `at`, else of the next one (ranges are in order). */
function rangeAt(ranges: readonly TextRange[], at: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid];
    if (!range) break;
    if (at < range.start) hi = mid - 1;
    else if (at >= range.end) lo = mid + 1;
    else return mid;
  }
  return lo;
}

/**
 * The text's blocks (its paragraphs, or pieces of long ones) and each block's claim spans. A
 * block's segments are cut when it is first rendered: cutting a 1.9 M character article's 50k
 * spans all at once took 0.1-0.5 s, at every change of its claims.
 */
class TextLayout {
  readonly ranges: readonly TextBlock[];
  /** Rendered a block at a time as it scrolls into view (a long article). */
  readonly virtual: boolean;
  private readonly spans: RoleSpan[][];
  private readonly built = new Map<number, Block>();

  constructor(
    private readonly text: string,
    claims: readonly ClaimDetail[],
  ) {
    const paragraphs = paragraphRanges(text);
    this.virtual = text.length > LONG_ARTICLE_CHARS || paragraphs.length > LONG_ARTICLE_PARAGRAPHS;
    this.ranges = this.virtual
      ? textBlocks(text, paragraphs, BLOCK_CHARS)
      : paragraphs.map((p) => ({ ...p, last: true }));
    this.spans = this.ranges.map(() => []);
    // Each span goes to every block it overlaps, in claim order (which orders a segment's roles).
    for (const span of claimSpans(claims)) {
      for (let i = rangeAt(this.ranges, span.start); i < this.ranges.length; i++) {
        const range = this.ranges[i];
        if (!range || range.start >= span.end) break;
        if (range.end > span.start) this.spans[i]?.push(span);
      }
    }
  }

  /** Block `index` with its segments (the same object until the text or the claims change). */
  block(index: number): Block | undefined {
    const range = this.ranges[index];
    if (!range) return undefined;
    let block = this.built.get(index);
    if (!block) {
      const spans = this.spans[index] ?? [];
      block = {
        ...range,
        segments: buildSegments(this.text, spans, [], range),
        claimIds: new Set(spans.map((s) => s.claimId)),
      };
      this.built.set(index, block);
    }
    return block;
  }
}

/**
 * One block's segments. Memoised on the selected and hovered claim *in this block* (null when
 * they are elsewhere), so moving the selection re-renders only the blocks it leaves and enters.
 */
const BlockSegments = memo(function BlockSegments({
  text,
  block,
  claimsById,
  selectedId,
  hoveredId,
}: {
  text: string;
  block: Block;
  claimsById: Map<number, ClaimDetail>;
  selectedId: number | null;
  hoveredId: number | null;
}) {
  return block.segments.map((s) => {
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
  });
});

const only = (id: number | null, block: Block) =>
  id !== null && block.claimIds.has(id) ? id : null;

/** Rough height of a block before it is measured: its lines at ~8.5 px a character, plus its gap. */
function estimateBlock(block: TextBlock | undefined, width: number): number {
  if (!block) return 0;
  const lines = Math.max(1, Math.ceil((block.end - block.start) / Math.max(20, width / 8.5)));
  return lines * 30.6 + (block.last ? 16 : 0);
}

/** Every block at once: the DOM holds the whole text (short articles). */
function AllBlocks({
  text,
  layout,
  claimsById,
  selectedId,
  hoveredId,
}: {
  text: string;
  layout: TextLayout;
  claimsById: Map<number, ClaimDetail>;
  selectedId: number | null;
  hoveredId: number | null;
}) {
  return layout.ranges.map((range, index) => {
    const b = layout.block(index);
    return b ? (
      // dir="auto": each paragraph runs in the direction of its first strong character, so Arabic
      // and Persian read right to left (punctuation and quotes in place) beside English left to right.
      <p key={range.start} dir="auto" className="mb-4 whitespace-pre-wrap last:mb-0">
        <BlockSegments
          text={text}
          block={b}
          claimsById={claimsById}
          selectedId={only(selectedId, b)}
          hoveredId={only(hoveredId, b)}
        />
      </p>
    ) : null;
  });
}

/**
 * Only the blocks on screen (and a few either side), placed where the whole text would put them
 * (long articles: a 1.9 M character article rendered whole held 436k DOM nodes). The block with
 * the selected claim and the one a text selection started in are always rendered.
 */
function VisibleBlocks({
  text,
  layout,
  claimsById,
  selectedId,
  hoveredId,
  pinned,
  selection,
}: {
  text: string;
  layout: TextLayout;
  claimsById: Map<number, ClaimDetail>;
  selectedId: number | null;
  hoveredId: number | null;
  pinned: readonly number[];
  /** Chosen in the panel: scrolled into view once its block is rendered. */
  selection: ClaimSelection;
}) {
  const { virtualizer, listRef, scrollMargin } = useScrollVirtualizer({
    count: layout.ranges.length,
    estimateSize: (index, width) => estimateBlock(layout.ranges[index], width),
    // Stable while the blocks are: a new key function makes the virtualizer re-measure them all.
    getItemKey: useCallback((index: number) => layout.ranges[index]?.start ?? index, [layout]),
    pinned,
    overscan: 4,
  });
  const container = useRef<HTMLDivElement | null>(null);
  const setContainer = useCallback(
    (node: HTMLDivElement | null) => {
      container.current = node;
      listRef(node);
    },
    [listRef],
  );

  // The selected claim's block is always rendered, but perhaps far away at an estimated place
  // (and not at all before the first measure): once it is there, jump to it at once if it is far,
  // then look again when the blocks around it are measured; glide to it if it is near.
  const scrolledTo = useRef<ClaimSelection>(null);
  useEffect(() => {
    if (selection?.from !== "panel" || scrolledTo.current === selection) return;
    const find = () => container.current?.querySelector(`[data-claims~="${selection.id}"]`);
    const target = find();
    if (!target) return;
    scrolledTo.current = selection;
    const box = target.getBoundingClientRect();
    if (box.bottom > -window.innerHeight && box.top < 2 * window.innerHeight) {
      target.scrollIntoView({ block: "nearest", behavior: "smooth" });
      return;
    }
    target.scrollIntoView({ block: "center" });
    // Unless something else has taken the page elsewhere since (on a narrow screen, the focus
    // moving to the claim's row in the panel below the text).
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const moved = find();
        const box = moved?.getBoundingClientRect();
        if (box && box.bottom > -window.innerHeight && box.top < 2 * window.innerHeight)
          moved?.scrollIntoView({ block: "nearest" });
      }),
    );
  });

  return (
    <div ref={setContainer} className="relative" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => {
        const b = layout.block(item.index);
        if (!b) return null;
        return (
          <p
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            dir="auto"
            className={`absolute left-0 top-0 w-full whitespace-pre-wrap ${b.last ? "pb-4" : ""}`}
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            <BlockSegments
              text={text}
              block={b}
              claimsById={claimsById}
              selectedId={only(selectedId, b)}
              hoveredId={only(hoveredId, b)}
            />
          </p>
        );
      })}
    </div>
  );
}

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
  const claimsById = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const layout = useMemo(() => new TextLayout(text, claims), [text, claims]);
  const { virtual } = layout;
  // Long articles: the block a text selection started in stays rendered while it is selected.
  const [anchorBlock, setAnchorBlock] = useState<number | null>(null);
  const selected = selectedId === null ? undefined : claimsById.get(selectedId);
  const selectedBlock = selected
    ? rangeAt(
        layout.ranges,
        Math.min(
          selected.contentStart,
          selected.sourceStart ?? Infinity,
          selected.cueStart ?? Infinity,
        ),
      )
    : -1;
  const pinned = useMemo(
    () => [selectedBlock, anchorBlock ?? -1].filter((i) => i >= 0),
    [selectedBlock, anchorBlock],
  );

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
      if (!virtual) return;
      const selection = document.getSelection();
      const anchor =
        selection &&
        !selection.isCollapsed &&
        selection.anchorNode &&
        root?.contains(selection.anchorNode)
          ? (selection.anchorNode instanceof Element
              ? selection.anchorNode
              : selection.anchorNode.parentElement
            )?.closest("[data-index]")
          : null;
      const index = anchor ? Number(anchor.getAttribute("data-index")) : null;
      setAnchorBlock(Number.isInteger(index) ? index : null);
    };
    document.addEventListener("mouseup", onRelease);
    document.addEventListener("keyup", onRelease);
    document.addEventListener("selectionchange", onChange);
    return () => {
      document.removeEventListener("mouseup", onRelease);
      document.removeEventListener("keyup", onRelease);
      document.removeEventListener("selectionchange", onChange);
    };
  }, [readSelection, text, virtual]);

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

  // A claim chosen in the panel is scrolled into view here (by VisibleBlocks in a long article).
  useEffect(() => {
    if (selection?.from !== "panel" || virtual) return;
    rootRef.current
      ?.querySelector(`[data-claims~="${selection.id}"]`)
      ?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [selection, virtual]);

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
        {virtual ? (
          <VisibleBlocks
            text={text}
            layout={layout}
            claimsById={claimsById}
            selectedId={selectedId}
            hoveredId={hoveredId}
            pinned={pinned}
            selection={selection}
          />
        ) : (
          <AllBlocks
            text={text}
            layout={layout}
            claimsById={claimsById}
            selectedId={selectedId}
            hoveredId={hoveredId}
          />
        )}
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
