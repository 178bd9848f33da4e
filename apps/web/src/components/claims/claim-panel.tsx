"use client";
/** The side panel: every claim of the article in reading order; the selected one opens its editor. */
import { CLAIM_STATUS_LABELS, CLAIM_STATUSES } from "@claimdesk/types";
import { type RefObject, useCallback, useEffect, useMemo, useRef } from "react";
import type { ValueField } from "~/lib/shortcut-map";
import type { ClaimDetail } from "~/trpc/types";
import type { ClaimSelection } from "../articles/article-text";
import { useScrollVirtualizer } from "../articles/use-scroll-virtualizer";
import { useSessionUser } from "../auth/auth-session-user";
import { StatusBadge } from "../shared/status-badge";
import { AnnotationCompare } from "./annotation-compare";
import { type ClaimActions, ClaimFields } from "./claim-fields";
import { ClaimLayers } from "./claim-layers";
import { HistorySection } from "./history-section";

/** Above this many claims only the rows on screen are rendered (a 1.9 M character article has 16k). */
const VIRTUAL_CLAIMS = 300;
/** A closed row's height before it is measured: badge line, source/cue line, two lines of content. */
const ROW_ESTIMATE = 96;

function originText(claim: ClaimDetail): string {
  if (claim.origin === "analyst") return "Analyst";
  const score = claim.score === null ? "" : ` · ${Math.round(claim.score * 100)} %`;
  return `${claim.origin.replace(/^rule:/, "rule ")}${score}`;
}

function Legend() {
  return (
    <ul
      aria-label="Highlight legend"
      className="flex flex-wrap gap-x-3 gap-y-1 text-[11px] text-slate-600"
    >
      <li>
        <span className="rounded-[2px] bg-sky-100 px-1 font-serif">content</span>
      </li>
      <li>
        <span className="font-serif font-semibold text-indigo-800 underline decoration-indigo-500 decoration-2 underline-offset-[3px]">
          source
        </span>
      </li>
      <li>
        <span className="font-serif font-medium text-rose-700 underline decoration-rose-400 decoration-dotted decoration-2 underline-offset-[3px]">
          cue
        </span>
      </li>
      <li>
        <span className="rounded-[2px] bg-emerald-100 px-1 font-serif">accepted</span>
      </li>
      <li>
        <span className="rounded-[2px] bg-amber-200 px-1 font-serif">selected</span>
      </li>
    </ul>
  );
}

/** Scrolls the panel (its scrolling ancestor) so `row` starts just below the sticky header. */
function scrollToPanelTop(row: HTMLElement | null): void {
  if (!row) return;
  let scroller = row.parentElement;
  while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY))
    scroller = scroller.parentElement;
  if (!scroller || scroller.scrollHeight <= scroller.clientHeight) return;
  const header = scroller.querySelector<HTMLElement>("[data-panel-header]");
  const offset =
    row.getBoundingClientRect().top -
    scroller.getBoundingClientRect().top -
    (header?.offsetHeight ?? 0);
  scroller.scrollTop += offset;
}

/** Still `suggested`, or accepted but not yet judged by me: what the review queue counts. */
export function needsAttention(claim: ClaimDetail): boolean {
  return claim.status === "suggested" || (claim.status === "accepted" && claim.annotation === null);
}

function ClaimRow({
  claim,
  selected,
  hovered,
  onHover,
  onSelect,
  articleText,
  actionsRef,
  layers,
  armed,
  virtualRow,
}: {
  /** The layers beside mine (ClaimLayers), and whether mine is final (submitted). */
  layers: { articleId: number; final: boolean; show: boolean };
  armed: ValueField | null;
  /** In a virtualised list: the row's index, offset and the virtualizer's measuring ref. */
  virtualRow?: {
    index: number;
    count: number;
    offset: number;
    measure: (node: HTMLElement | null) => void;
  };
  claim: ClaimDetail;
  selected: boolean;
  hovered: boolean;
  onHover: (claimId: number | null) => void;
  onSelect: (claimId: number | null) => void;
  articleText: string;
  actionsRef: RefObject<ClaimActions | null>;
}) {
  const { can } = useSessionUser();
  const rowRef = useRef<HTMLLIElement>(null);
  const measure = virtualRow?.measure;
  const setRow = useCallback(
    (node: HTMLLIElement | null) => {
      rowRef.current = node;
      measure?.(node);
    },
    [measure],
  );
  // The selected claim's editor is brought to the top of the panel, so its fields are all in view
  // (on a 1366×768 screen too) without scrolling.
  useEffect(() => {
    if (selected) scrollToPanelTop(rowRef.current);
  }, [selected]);
  const mentionDiffers =
    claim.source &&
    claim.sourceText &&
    claim.source.name.toLowerCase() !== claim.sourceText.toLowerCase();
  return (
    <li
      ref={setRow}
      data-index={virtualRow?.index}
      aria-posinset={virtualRow ? virtualRow.index + 1 : undefined}
      aria-setsize={virtualRow?.count}
      style={virtualRow ? { transform: `translateY(${virtualRow.offset}px)` } : undefined}
      data-testid="claim-row"
      data-claim-id={claim.id}
      data-status={claim.status}
      data-cue-lemma={claim.cueLemma ?? undefined}
      className={`scroll-mt-24 border-l-4 ${
        selected
          ? "border-amber-400 bg-amber-50"
          : hovered
            ? "border-amber-200 bg-amber-50/50"
            : "border-transparent"
      } ${claim.status === "rejected" && !selected ? "opacity-70" : ""} ${
        virtualRow ? "absolute left-0 top-0 w-full border-b border-b-slate-100" : ""
      }`}
    >
      <button
        type="button"
        data-claim-toggle
        aria-expanded={selected}
        onClick={() => onSelect(selected ? null : claim.id)}
        onMouseEnter={() => onHover(claim.id)}
        onMouseLeave={() => onHover(null)}
        onFocus={() => onHover(claim.id)}
        onBlur={() => onHover(null)}
        className="block w-full px-3 py-2 text-left hover:bg-slate-50 focus-visible:-outline-offset-2"
      >
        <span className="flex items-center gap-2 text-[11px] text-slate-500">
          <StatusBadge status={claim.status} />
          <span className="truncate font-mono">{originText(claim)}</span>
          {claim.parentClaimId !== null ? <span>· inside #{claim.parentClaimId}</span> : null}
          <span className="ml-auto tabular-nums">#{claim.id}</span>
        </span>
        <span className="mt-1 flex flex-wrap items-baseline gap-x-3 gap-y-0.5 text-xs">
          <span>
            <span className="text-slate-500">Source </span>
            {claim.sourceText ? (
              <span className="font-semibold text-indigo-800">{claim.sourceText}</span>
            ) : (
              <span className="italic text-slate-400">none (author’s voice)</span>
            )}
            {mentionDiffers ? (
              <span className="text-slate-500"> → {claim.source?.name}</span>
            ) : null}
          </span>
          {claim.cueText ? (
            <span>
              <span className="text-slate-500">Cue </span>
              <span className="font-medium text-rose-700">{claim.cueText}</span>
            </span>
          ) : null}
        </span>
        <span className="mt-1 line-clamp-3 block font-serif text-sm text-slate-800">
          “{claim.contentText}”
        </span>
      </button>
      {selected && can("analyst") && !layers.final ? (
        <ClaimFields
          claim={claim}
          articleText={articleText}
          actionsRef={actionsRef}
          armed={armed}
        />
      ) : selected && can("analyst") ? (
        <p data-testid="claim-read-only" className="px-3 pb-2 text-xs text-slate-500">
          Submitted: your layer of this article is final.
        </p>
      ) : selected ? (
        <p data-testid="claim-read-only" className="px-3 pb-2 text-xs text-slate-500">
          Read-only: viewers can read and export claims but not edit them.
        </p>
      ) : null}
      {selected ? (
        <>
          {layers.show ? (
            <ClaimLayers articleId={layers.articleId} claim={claim} viewer={!can("analyst")} />
          ) : null}
          <AnnotationCompare claimId={claim.id} />
          <HistorySection claimId={claim.id} />
        </>
      ) : null}
    </li>
  );
}

export function ClaimPanel({
  articleId,
  final,
  seesLayers,
  claims,
  selection,
  hoveredId,
  onHover,
  onSelect,
  articleText,
  actionsRef,
  onNextArticle,
  armed = null,
}: {
  articleId: number;
  /** My layer of the article is submitted (final). */
  final: boolean;
  /** Show the claim's other layers (after submitting; adjudicators, admins and viewers always). */
  seesLayers: boolean;
  /** The field whose key was just pressed (the selected claim's editor marks it). */
  armed?: ValueField | null;
  claims: readonly ClaimDetail[];
  selection: ClaimSelection;
  hoveredId: number | null;
  onHover: (claimId: number | null) => void;
  onSelect: (claimId: number | null) => void;
  articleText: string;
  actionsRef: RefObject<ClaimActions | null>;
  onNextArticle: () => void;
}) {
  const listRef = useRef<HTMLUListElement | null>(null);
  const reviews = useSessionUser().can("analyst");
  const virtual = claims.length > VIRTUAL_CLAIMS;
  const selectedIndex = useMemo(
    () => (selection ? claims.findIndex((c) => c.id === selection.id) : -1),
    [claims, selection],
  );
  const pinned = useMemo(() => (selectedIndex >= 0 ? [selectedIndex] : []), [selectedIndex]);
  const {
    virtualizer,
    listRef: setVirtualList,
    scrollMargin,
  } = useScrollVirtualizer({
    count: claims.length,
    estimateSize: () => ROW_ESTIMATE,
    // Stable while the claims are: a new key function makes the virtualizer re-measure them all.
    getItemKey: useCallback((index: number) => claims[index]?.id ?? index, [claims]),
    pinned,
    overscan: 8,
    enabled: virtual,
  });
  const setList = useCallback(
    (node: HTMLUListElement | null) => {
      listRef.current = node;
      setVirtualList(node);
    },
    [setVirtualList],
  );

  // A claim chosen in the text (or just created) is scrolled into view here.
  useEffect(() => {
    if (selection?.from !== "text") return;
    listRef.current
      ?.querySelector(`[data-claim-id="${selection.id}"]`)
      ?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [selection]);

  // Once per change of the claims, not at every key (an article can hold 16k claims).
  const { counts, pending } = useMemo(
    () => ({
      counts: CLAIM_STATUSES.map((status) => ({
        status,
        n: claims.filter((c) => c.status === status).length,
      })),
      pending: claims.filter(needsAttention).length,
    }),
    [claims],
  );

  /** One claim's row; in a virtualised list with its place (see ClaimRow's virtualRow). */
  const row = (claim: ClaimDetail, virtualRow?: Parameters<typeof ClaimRow>[0]["virtualRow"]) => (
    <ClaimRow
      key={claim.id}
      claim={claim}
      selected={selection?.id === claim.id}
      hovered={hoveredId === claim.id}
      onHover={onHover}
      onSelect={onSelect}
      articleText={articleText}
      actionsRef={actionsRef}
      armed={armed}
      layers={{ articleId, final, show: seesLayers }}
      {...(virtualRow ? { virtualRow } : {})}
    />
  );
  return (
    <aside aria-labelledby="claims-heading" className="flex min-h-0 flex-col bg-white">
      <div
        data-panel-header
        className="sticky top-0 z-10 space-y-1 border-b border-slate-200 bg-white/95 px-3 py-2 backdrop-blur"
      >
        <div className="flex items-baseline justify-between">
          <h2 id="claims-heading" className="text-sm font-semibold">
            Claims{" "}
            <span className="font-normal text-slate-500 tabular-nums">({claims.length})</span>
          </h2>
          <p data-testid="claim-counts" className="text-[11px] text-slate-500 tabular-nums">
            {counts
              .map(({ status, n }) => `${n} ${CLAIM_STATUS_LABELS[status].label.toLowerCase()}`)
              .join(" · ")}
          </p>
        </div>
        <Legend />
        <div role="status" className="text-[11px]">
          {claims.length === 0 || !reviews || final ? null : pending > 0 ? (
            <span className="text-slate-600" data-testid="pending-count">
              {pending} to review here · <kbd className="font-mono">?</kbd> shortcuts
            </span>
          ) : (
            <span className="flex flex-wrap items-center gap-2 text-emerald-800">
              All claims here are reviewed.
              <button
                type="button"
                aria-keyshortcuts="Shift+N"
                onClick={onNextArticle}
                className="rounded-md bg-emerald-600 px-2 py-0.5 font-semibold text-white hover:bg-emerald-500"
              >
                Next article <kbd className="font-mono">⇧N</kbd>
              </button>
            </span>
          )}
        </div>
      </div>
      {claims.length === 0 ? (
        <p className="px-3 py-6 text-sm text-slate-500">
          No claims yet. Press <kbd className="font-mono">n</kbd> to mark one from the keyboard, or
          select a passage in the article, then press <kbd className="font-mono">c</kbd> or “Create
          claim”.
        </p>
      ) : (
        <ul
          ref={setList}
          aria-label="Claims"
          className={virtual ? "relative" : "divide-y divide-slate-100"}
          style={virtual ? { height: virtualizer.getTotalSize() } : undefined}
        >
          {virtual
            ? virtualizer.getVirtualItems().map((item) => {
                const claim = claims[item.index];
                return claim
                  ? row(claim, {
                      index: item.index,
                      count: claims.length,
                      offset: item.start - scrollMargin,
                      measure: virtualizer.measureElement,
                    })
                  : null;
              })
            : claims.map((claim) => row(claim))}
        </ul>
      )}
    </aside>
  );
}
