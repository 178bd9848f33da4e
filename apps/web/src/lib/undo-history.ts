/**
 * Undo/redo of the analyst's own changes on an article page, as inverse patches: each saved change
 * is kept with the values before and after it, and undoing sends the "before" values through the
 * same mutation (claim.update / annotation.upsert) with the version held now, so the server's
 * concurrency check still applies. A change is only undone while the record still shows what the
 * change left (nobody has changed those fields since).
 */
import type { TAnnotationUpsertInput, TClaimUpdateInput } from "@claimdesk/types";
import type { ClaimDetail } from "~/trpc/types";

export type ClaimPatch = TClaimUpdateInput["patch"];
export type AnnotationValues = TAnnotationUpsertInput["values"];

export type UndoEntry =
  | { kind: "claim"; claimId: number; before: ClaimPatch; after: ClaimPatch }
  | { kind: "annotation"; claimId: number; before: AnnotationValues; after: AnnotationValues };

/** How many changes are kept per article page. */
const LIMIT = 200;

export class UndoHistory {
  private past: UndoEntry[] = [];
  private future: UndoEntry[] = [];

  /** A new change of mine: it can be undone, and whatever was undone before can no longer be redone. */
  record(entry: UndoEntry): void {
    this.past.push(entry);
    if (this.past.length > LIMIT) this.past.shift();
    this.future = [];
  }
  peekUndo(): UndoEntry | undefined {
    return this.past.at(-1);
  }
  peekRedo(): UndoEntry | undefined {
    return this.future.at(-1);
  }
  /** The last change was undone: it moves to the redo stack. */
  undone(): void {
    const entry = this.past.pop();
    if (entry) this.future.push(entry);
  }
  /** The last undone change was redone: it moves back. */
  redone(): void {
    const entry = this.future.pop();
    if (entry) this.past.push(entry);
  }
  get sizes(): { undo: number; redo: number } {
    return { undo: this.past.length, redo: this.future.length };
  }
}

const histories = new Map<number, UndoHistory>();

/** The undo history of one article page in this browser tab (kept while the tab lives). */
export function undoHistoryFor(articleId: number): UndoHistory {
  let history = histories.get(articleId);
  if (!history) {
    history = new UndoHistory();
    histories.set(articleId, history);
  }
  return history;
}

type Span = { start: number; end: number; exact: string } | null;
const span = (start: number | null, end: number | null, exact: string | null): Span =>
  start === null || end === null ? null : { start, end, exact: exact ?? "" };

/** The claim's current values of the fields `keys` (a patch that would restore them). */
export function claimValues(claim: ClaimDetail, keys: readonly (keyof ClaimPatch)[]): ClaimPatch {
  const all: Required<{ [K in keyof ClaimPatch]: ClaimPatch[K] | null }> = {
    content: span(claim.contentStart, claim.contentEnd, claim.contentText),
    sourceMention: span(claim.sourceStart, claim.sourceEnd, claim.sourceText),
    cue: span(claim.cueStart, claim.cueEnd, claim.cueText),
    cueLemma: claim.cueLemma,
    sourceId: claim.sourceId,
    quoteType: claim.quoteType,
    status: claim.status,
    parentClaimId: claim.parentClaimId,
    propositionId: claim.propositionId,
  };
  return Object.fromEntries(keys.map((k) => [k, all[k]])) as ClaimPatch;
}

/** My annotation's current values of the fields `keys` (null for a field never set). */
export function annotationValues(
  annotation: ClaimDetail["annotation"],
  keys: readonly (keyof AnnotationValues)[],
): AnnotationValues {
  return Object.fromEntries(
    keys.map((k) => [k, annotation ? annotation[k] : k === "tags" ? [] : null]),
  ) as AnnotationValues;
}

/** Same value, as far as a patch is concerned (spans by their offsets, tags as lists). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((v, i) => v === b[i]);
  const sa = a as { start?: unknown; end?: unknown };
  const sb = b as { start?: unknown; end?: unknown };
  return sa.start === sb.start && sa.end === sb.end;
}

/** Whether every field of `expected` has that value in `current`. */
export function holds(current: object, expected: object): boolean {
  const now = current as Record<string, unknown>;
  return Object.entries(expected).every(([k, v]) => sameValue(now[k], v));
}
