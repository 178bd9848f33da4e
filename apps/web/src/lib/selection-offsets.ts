/**
 * Turns a DOM text selection inside the rendered article into UTF-16 offsets of the article text.
 * Each rendered segment is a <span data-start data-end> holding one text node, so a boundary point
 * is its segment's start plus the offset inside that node (DOM offsets are UTF-16 too).
 */

/** A selection boundary, reduced to numbers: the segment's start offset and the offset within it. */
export interface BoundaryPoint {
  segmentStart: number;
  offsetInNode: number;
}

export interface TextSpan {
  start: number;
  end: number;
  exact: string;
}

/**
 * The span between two boundary points of a selection (in either order), trimmed of surrounding
 * whitespace, or null when nothing but whitespace is selected.
 */
export function selectionToSpan(
  text: string,
  anchor: BoundaryPoint,
  focus: BoundaryPoint,
): TextSpan | null {
  const clamp = (n: number) => Math.max(0, Math.min(n, text.length));
  const a = clamp(anchor.segmentStart + anchor.offsetInNode);
  const b = clamp(focus.segmentStart + focus.offsetInNode);
  let start = Math.min(a, b);
  let end = Math.max(a, b);
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  if (end <= start) return null;
  return { start, end, exact: text.slice(start, end) };
}

const SEGMENT_SELECTOR = "[data-start]";

function segmentOffsets(el: Element): { start: number; end: number } | null {
  const start = Number(el.getAttribute("data-start"));
  const end = Number(el.getAttribute("data-end"));
  return Number.isInteger(start) && Number.isInteger(end) ? { start, end } : null;
}

/**
 * Resolves a DOM boundary (node, offset) inside `root` to a BoundaryPoint. Text nodes map through
 * their segment span; element boundaries (e.g. after a triple click) snap to the next segment's
 * start, or to the last segment's end when nothing follows.
 */
export function resolveBoundary(root: Element, node: Node, offset: number): BoundaryPoint | null {
  if (!root.contains(node)) return null;
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = node.parentElement?.closest(SEGMENT_SELECTOR);
    const offsets = segment && root.contains(segment) ? segmentOffsets(segment) : null;
    return offsets ? { segmentStart: offsets.start, offsetInNode: offset } : null;
  }
  const point = document.createRange();
  point.setStart(node, offset);
  const segments = Array.from(root.querySelectorAll(SEGMENT_SELECTOR));
  const following = segments.find((el) => point.comparePoint(el, 0) >= 0);
  const target = following ?? segments.at(-1);
  const offsets = target ? segmentOffsets(target) : null;
  if (!offsets) return null;
  return following
    ? { segmentStart: offsets.start, offsetInNode: 0 }
    : { segmentStart: offsets.start, offsetInNode: offsets.end - offsets.start };
}

/** The current document selection as a span of `text`, if it lies wholly inside `root`. */
export function spanFromSelection(root: Element, text: string): TextSpan | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
  if (!anchorNode || !focusNode) return null;
  const anchor = resolveBoundary(root, anchorNode, anchorOffset);
  const focus = resolveBoundary(root, focusNode, focusOffset);
  return anchor && focus ? selectionToSpan(text, anchor, focus) : null;
}
