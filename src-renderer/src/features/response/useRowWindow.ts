import { useCallback, useEffect, useReducer, useRef, type RefObject } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';

/**
 * The most items react-virtual is given. It keeps two numbers per item and a browser caps an
 * element's height near 16.7 M px, so a list of millions of rows (a 100 MB body expanded all has
 * about six million) is laid out in slots of several rows each, and the scroll position is scaled
 * between the slots and the rows (as react-virtualized does for its huge lists).
 */
export const MAX_SLOTS = 400_000;

export type RowAlign = 'auto' | 'start' | 'center' | 'end';

export type PlacedRow = { index: number; top: number };

/**
 * The last list's viewport: a new list (the next response's tree) starts from it, so its first
 * render already holds the rows that fit, rather than rendering again once it is measured.
 */
let lastViewport = { width: 0, height: 0 };

type Options = {
  count: number;
  rowHeight: number;
  scrollRef: RefObject<HTMLElement | null>;
  overscan?: number;
  /** A row always rendered (the focused one), so keyboard focus survives scrolling away. */
  pinned?: number | null;
};

/**
 * Which rows of a fixed-height list to render, and where. Below MAX_SLOTS rows this is plain
 * react-virtual; beyond it every slot stands for several rows and the rows are placed from the
 * scaled scroll position on every scroll.
 */
export function useRowWindow({ count, rowHeight, scrollRef, overscan = 10, pinned = null }: Options) {
  const perSlot = Math.max(1, Math.ceil(count / MAX_SLOTS));
  const slots = Math.ceil(count / perSlot);
  const scaled = perSlot > 1;

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (!scaled && pinned !== null && pinned < range.count && !indexes.includes(pinned)) {
        indexes.push(pinned);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [pinned, scaled],
  );
  const virtualizer = useVirtualizer({
    count: slots,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: scaled ? 0 : overscan,
    rangeExtractor,
    initialRect: lastViewport,
  });
  if (virtualizer.scrollRect) lastViewport = virtualizer.scrollRect;

  // Scaled, every scroll moves every row: render on each one.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const element = scrollRef.current;
    if (!scaled || !element) return;
    element.addEventListener('scroll', rerender, { passive: true });
    return () => element.removeEventListener('scroll', rerender);
  }, [scaled, scrollRef]);

  // Where a scaled scroll was written, and the content offset it meant: the element rounds the
  // scroll position, which the scale would turn into a part of a row.
  const written = useRef<{ scrollTop: number; content: number; count: number } | null>(null);

  const totalSize = virtualizer.getTotalSize();
  const element = scrollRef.current;
  const viewport = virtualizer.scrollRect?.height ?? element?.clientHeight ?? 0;
  const scrollTop = scaled ? (element?.scrollTop ?? 0) : (virtualizer.scrollOffset ?? 0);
  const maxScroll = Math.max(0, totalSize - viewport);
  const maxContent = Math.max(0, count * rowHeight - viewport);

  function contentOffset(top: number): number {
    const last = written.current;
    if (last && last.count === count && Math.abs(last.scrollTop - top) < 1) return last.content;
    return maxScroll > 0 ? (top / maxScroll) * maxContent : 0;
  }

  let rows: PlacedRow[];
  let first: number;
  let last: number;
  if (!scaled) {
    const items = virtualizer.getVirtualItems();
    rows = items.map((item) => ({ index: item.index, top: item.start }));
    first = virtualizer.range?.startIndex ?? items[0]?.index ?? 0;
    last = virtualizer.range?.endIndex ?? items.at(-1)?.index ?? 0;
  } else {
    const content = contentOffset(scrollTop);
    first = Math.min(count - 1, Math.floor(content / rowHeight));
    last = Math.min(count - 1, Math.floor((content + viewport) / rowHeight));
    rows = [];
    for (let index = Math.max(0, first - 2); index <= Math.min(count - 1, last + 2); index += 1) {
      rows.push({ index, top: scrollTop + index * rowHeight - content });
    }
    if (pinned !== null && pinned < count && (pinned < first - 2 || pinned > last + 2)) {
      // Out of sight but in the document, inside the sizer, where it cannot be seen.
      const top = pinned < first ? Math.max(0, scrollTop - 3 * rowHeight) : Math.min(totalSize - rowHeight, scrollTop + viewport + 2 * rowHeight);
      rows.push({ index: pinned, top });
      rows.sort((a, b) => a.index - b.index);
    }
  }

  /** Scaled: shows the content from `content` px on, exactly (the element rounds its scroll position). */
  const showContent = (el: HTMLElement, content: number) => {
    const view = el.clientHeight;
    const maxC = Math.max(0, count * rowHeight - view);
    const maxS = Math.max(0, el.scrollHeight - view);
    const clamped = Math.max(0, Math.min(maxC, content));
    el.scrollTop = maxC > 0 ? (clamped / maxC) * maxS : 0;
    written.current = { scrollTop: el.scrollTop, content: clamped, count };
    rerender();
  };

  const scrollToRow = (index: number, align: RowAlign = 'auto') => {
    if (count === 0) return;
    const target = Math.max(0, Math.min(count - 1, index));
    if (!scaled) {
      virtualizer.scrollToIndex(target, { align });
      return;
    }
    const el = scrollRef.current;
    if (!el) return;
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
    const content = scaled ? contentOffset(el.scrollTop) : el.scrollTop;
    return Math.max(0, Math.min(count - 1, Math.floor(content / rowHeight)));
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
