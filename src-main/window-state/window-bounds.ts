// Where the window reopens: the saved bounds when they still fit on a connected display,
// otherwise a default size on the primary display (a monitor may have been unplugged).
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
const MIN_VISIBLE = 100;

export function restoreBounds(saved: Bounds | null, workAreas: readonly Bounds[]): Bounds | { width: number; height: number } {
  if (!saved || saved.width < 400 || saved.height < 300) return DEFAULT_SIZE;
  const visible = workAreas.some((area) => {
    const overlapX = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const overlapY = Math.min(saved.y + saved.height, area.y + area.height) - Math.max(saved.y, area.y);
    return overlapX >= MIN_VISIBLE && overlapY >= MIN_VISIBLE;
  });
  return visible ? saved : { width: saved.width, height: saved.height };
}
