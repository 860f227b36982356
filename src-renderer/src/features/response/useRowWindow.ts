import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * The most slots the list's scrolled height holds. A browser caps an element's height near
 * 16.7 M px, so a list of millions of rows (a 100 MB body expanded all has about six million) is
 * laid out in slots of several rows each, and the scroll position is scaled between the slots and
 * the rows (as react-virtualized does for its huge lists).
 */
export const MAX_SLOTS = 400_000;

export type RowAlign = 'auto' | 'start' | 'center' | 'end';

export type PlacedRow = { index: number; top: number };

/**
 * The last viewport height of each kind of list (told apart by row height): a new list (the next
 * response's tree) starts from it, so its first render already holds the rows that fit, and the
 * browser lays it out once, in the frame that paints it.
 */
const lastViewport = new Map<number, number>();

type Options = {
  count: number;
  rowHeight: number;
  scrollRef: RefObject<HTMLElement | null>;
  overscan?: number;
  /** A row always rendered (the focused one), so keyboard focus survives scrolling away. */
  pinned?: number | null;
};

/**
 * Which rows of a fixed-height list to render, and where: plain arithmetic on the scroll position
 * and the viewport's height, both kept in state by listeners, so a render never asks the browser
 * for a layout and nothing is kept per row (react-virtual measured each of up to 400,000 items,
 * 10 ms a Send at 100 MB; docs/architecture.md, "The response pipeline"). Beyond MAX_SLOTS rows
 * every slot stands for several rows and the rows are placed from the scaled scroll position.
 */
export function useRowWindow({ count, rowHeight, scrollRef, overscan = 10, pinned = null }: Options) {
  const perSlot = Math.max(1, Math.ceil(count / MAX_SLOTS));
  const scaled = perSlot > 1;
  const { scrollTop, setScrollTop, viewport } = useScrollState(scrollRef, rowHeight);

  // Where a scaled scroll was written, and the content offset it meant: the element rounds the
  // scroll position, which the scale would turn into a part of a row.
  const written = useRef<{ scrollTop: number; content: number; count: number } | null>(null);

  const totalSize = Math.ceil(count / perSlot) * rowHeight;
  const maxScroll = Math.max(0, totalSize - viewport);
  const maxContent = Math.max(0, count * rowHeight - viewport);

  function contentOffset(top: number): number {
    if (!scaled) return top;
    const last = written.current;
    if (last && last.count === count && Math.abs(last.scrollTop - top) < 1) return last.content;
    return maxScroll > 0 ? (top / maxScroll) * maxContent : 0;
  }

  const { first, last, rows } = placeRows({ count, rowHeight, viewport, scrollTop, content: contentOffset(scrollTop), pad: scaled ? 2 : overscan, pinned, scaled, totalSize });

  /** Shows the content from `content` px on, exactly (scaled, the element rounds its scroll position). */
  const showContent = (el: HTMLElement, wanted: number) => {
    const view = el.clientHeight;
    const maxC = Math.max(0, count * rowHeight - view);
    const clamped = Math.max(0, Math.min(maxC, wanted));
    if (scaled) {
      const maxS = Math.max(0, el.scrollHeight - view);
      el.scrollTop = maxC > 0 ? (clamped / maxC) * maxS : 0;
      written.current = { scrollTop: el.scrollTop, content: clamped, count };
    } else {
      el.scrollTop = clamped;
    }
    // Rendered with what asked for it (a key's focus move), not a frame later on the scroll event.
    setScrollTop(el.scrollTop);
  };

  const scrollToRow = (index: number, align: RowAlign = 'auto') => {
    const el = scrollRef.current;
    if (!el || count === 0) return;
    const target = Math.max(0, Math.min(count - 1, index));
    const current = contentOffset(el.scrollTop);
    const view = el.clientHeight;
    const rowTop = target * rowHeight;
    if (align === 'start') showContent(el, rowTop);
    else if (align === 'end') showContent(el, rowTop + rowHeight - view);
    else if (align === 'center') showContent(el, rowTop + rowHeight / 2 - view / 2);
    else if (rowTop < current) showContent(el, rowTop);
    else if (rowTop + rowHeight > current + view) showContent(el, rowTop + rowHeight - view);
  };

  /** Scrolls by `delta` px of rows; scaled, the wheel and the keys move the rows this way, not the scrollbar. */
  const scrollByPixels = (delta: number) => {
    const el = scrollRef.current;
    if (!el) return;
    if (scaled) showContent(el, contentOffset(el.scrollTop) + delta);
    else el.scrollTop += delta;
  };
  const scrollByRef = useRef(scrollByPixels);
  scrollByRef.current = scrollByPixels;

  // Scaled, a wheel notch would move the scrollbar's pixels (each many rows): move rows instead.
  useEffect(() => {
    const element = scrollRef.current;
    if (!scaled || !element) return;
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || event.deltaY === 0) return;
      event.preventDefault();
      const unit = event.deltaMode === 1 ? rowHeight : event.deltaMode === 2 ? element.clientHeight : 1;
      if (event.deltaX) element.scrollLeft += event.deltaX * unit;
      scrollByRef.current(event.deltaY * unit);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [scaled, scrollRef, rowHeight]);

  /** The row at the top of the view now, read from the element (renders may lag behind a scroll). */
  const topRow = (): number => {
    const el = scrollRef.current;
    if (!el || count === 0) return 0;
    return Math.max(0, Math.min(count - 1, Math.floor(contentOffset(el.scrollTop) / rowHeight)));
  };

  /** Whether the view shows the end of the list now. */
  const atEnd = (): boolean => {
    const el = scrollRef.current;
    return el !== null && el.scrollTop > 0 && el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
  };

  return {
    /** The height of the scrolled content, in px. */
    totalSize,
    rows,
    /** The first and last row in view. */
    first,
    last,
    /** Whole rows that fit in the viewport. */
    pageRows: Math.max(1, Math.floor(viewport / rowHeight)),
    scaled,
    scrollToRow,
    scrollByPixels,
    topRow,
    atEnd,
  };
}

type Placing = {
  count: number;
  rowHeight: number;
  viewport: number;
  /** The element's scroll position, and the content offset it stands for (the same unscaled). */
  scrollTop: number;
  content: number;
  /** Rows rendered beyond the view on each side. */
  pad: number;
  pinned: number | null;
  scaled: boolean;
  totalSize: number;
};

/** The rows in view (first, last) and the rows to render with their place in the sizer. */
export function placeRows({ count, rowHeight, viewport, scrollTop, content, pad, pinned, scaled, totalSize }: Placing): { first: number; last: number; rows: PlacedRow[] } {
  const first = Math.max(0, Math.min(count - 1, Math.floor(content / rowHeight)));
  const last = Math.max(first, Math.min(count - 1, Math.ceil((content + viewport) / rowHeight) - 1));
  // Unscaled, `scrollTop - content` is 0 and each row sits at its own place in the sizer.
  const placed = (index: number) => scrollTop + index * rowHeight - content;
  const rows: PlacedRow[] = [];
  for (let index = Math.max(0, first - pad); index <= Math.min(count - 1, last + pad); index += 1) rows.push({ index, top: placed(index) });
  if (pinned !== null && pinned < count && (pinned < first - pad || pinned > last + pad)) {
    // Scaled, out of sight but in the document, inside the sizer, where it cannot be seen.
    const offView = pinned < first ? Math.max(0, scrollTop - 3 * rowHeight) : Math.min(totalSize - rowHeight, scrollTop + viewport + 2 * rowHeight);
    rows.push({ index: pinned, top: scaled ? offView : placed(pinned) });
    rows.sort((a, b) => a.index - b.index);
  }
  return { first, last, rows };
}

/**
 * The scroll element's scroll position and viewport height, as state. Scrolls render at once
 * (flushSync), so rows never lag a frame behind the scrollbar; a new height renders before the
 * frame is painted (a ResizeObserver's callback runs between layout and paint). Follows the
 * element the ref holds after each commit: a list may appear later than the component (the hits).
 */
function useScrollState(scrollRef: RefObject<HTMLElement | null>, rowHeight: number) {
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(() => lastViewport.get(rowHeight) ?? 0);
  const watched = useRef<{ element: HTMLElement; stop(): void } | null>(null);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (watched.current?.element === element) return;
    watched.current?.stop();
    watched.current = null;
    if (!element) return;
    // A new element starts at the top.
    setScrollTop(0);
    const onScroll = () => flushSync(() => setScrollTop(element.scrollTop));
    const observer = new ResizeObserver(() => {
      const height = element.clientHeight;
      // A hidden tab has no height: keep the last one for when it shows again.
      if (height === 0) return;
      lastViewport.set(rowHeight, height);
      flushSync(() => setViewport(height));
    });
    element.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(element);
    watched.current = {
      element,
      stop() {
        element.removeEventListener('scroll', onScroll);
        observer.disconnect();
      },
    };
  });
  useEffect(
    () => () => {
      watched.current?.stop();
      watched.current = null;
    },
    [],
  );
  return { scrollTop, setScrollTop, viewport };
}
