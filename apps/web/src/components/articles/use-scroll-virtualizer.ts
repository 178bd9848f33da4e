"use client";
/**
 * A TanStack virtualizer for a list that scrolls with whatever scrolls it: the window (the article
 * text, and the claim panel on a narrow screen) or a scrolling ancestor (the claim panel beside
 * the text on a wide screen). Only the rows on screen (and a few either side) are rendered;
 * `pinned` rows are always rendered too, so the selected claim can be found, focused and scrolled
 * to by the DOM code that expects it there.
 */
import {
  defaultRangeExtractor,
  elementScroll,
  observeElementOffset,
  observeElementRect,
  observeWindowOffset,
  observeWindowRect,
  useVirtualizer,
  type Virtualizer,
  windowScroll,
} from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useState } from "react";

type Scroller = Element | Window;

/** The nearest ancestor that scrolls vertically, or the window. */
function scrollerOf(el: Element): Scroller {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    if (/(auto|scroll|overlay)/.test(getComputedStyle(p).overflowY)) return p;
  }
  return window;
}

/** Where the list starts in its scroller's content (the virtualizer's scrollMargin). */
function offsetIn(list: Element, scroller: Scroller): number {
  const top = list.getBoundingClientRect().top;
  return scroller instanceof Window
    ? top + window.scrollY
    : top - scroller.getBoundingClientRect().top + scroller.scrollTop;
}

// useVirtualizer's types take an element to scroll; the window's functions are chosen at run time.
type Instance = Virtualizer<Element, HTMLElement>;
const onWindow = (instance: Instance) => instance as unknown as Virtualizer<Window, HTMLElement>;
const isWindow = (instance: Instance) =>
  (instance.scrollElement as Scroller | null) instanceof Window;

export function useScrollVirtualizer({
  count,
  estimateSize,
  getItemKey,
  pinned,
  overscan = 6,
  enabled = true,
}: {
  count: number;
  estimateSize: (index: number, listWidth: number) => number;
  /** Keep it stable (useCallback): a new one makes the virtualizer re-measure every row. */
  getItemKey: (index: number) => number | string;
  /** Indexes always rendered (e.g. the selected claim's row). */
  pinned: readonly number[];
  overscan?: number;
  enabled?: boolean;
}) {
  const [list, setList] = useState<HTMLElement | null>(null);
  const [scroller, setScroller] = useState<Scroller | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  const [width, setWidth] = useState(0);

  // Which element scrolls the list can change with the screen width (lg: the panel scrolls itself).
  useLayoutEffect(() => {
    if (!list || !enabled) return;
    const update = () => {
      setScroller(scrollerOf(list));
      setWidth(list.clientWidth);
    };
    update();
    window.addEventListener("resize", update);
    return () => window.removeEventListener("resize", update);
  }, [list, enabled]);

  // Content above the list (a notice, the header) moves it: keep the margin current.
  const measureMargin = useCallback(() => {
    if (!list || !scroller || !enabled) return;
    const margin = offsetIn(list, scroller);
    setScrollMargin((m) => (Math.abs(m - margin) < 1 ? m : margin));
  }, [list, scroller, enabled]);
  useLayoutEffect(measureMargin);
  useEffect(() => {
    if (!scroller || !enabled) return;
    const observer = new ResizeObserver(measureMargin);
    observer.observe(document.body);
    if (scroller instanceof Element)
      for (const child of Array.from(scroller.children)) observer.observe(child);
    return () => observer.disconnect();
  }, [scroller, enabled, measureMargin]);

  const virtualizer = useVirtualizer<Element, HTMLElement>({
    count,
    enabled: enabled && scroller !== null,
    getScrollElement: () => scroller as Element | null,
    estimateSize: (index) => estimateSize(index, width || 640),
    getItemKey,
    overscan,
    scrollMargin,
    initialOffset: () =>
      scroller instanceof Window
        ? window.scrollY
        : scroller instanceof Element
          ? scroller.scrollTop
          : 0,
    observeElementRect: (instance, callback) =>
      isWindow(instance)
        ? observeWindowRect(onWindow(instance), callback)
        : observeElementRect(instance, callback),
    observeElementOffset: (instance, callback) =>
      isWindow(instance)
        ? observeWindowOffset(onWindow(instance), callback)
        : observeElementOffset(instance, callback),
    scrollToFn: (offset, options, instance) =>
      isWindow(instance)
        ? windowScroll(offset, options, onWindow(instance))
        : elementScroll(offset, options, instance),
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range);
      const extra = pinned.filter((i) => i >= 0 && i < count && !indexes.includes(i));
      return extra.length === 0 ? indexes : [...indexes, ...extra].sort((a, b) => a - b);
    },
  });

  return { virtualizer, listRef: setList, scrollMargin };
}
