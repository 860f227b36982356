import { useCallback, useEffect, useState } from 'react';
import { dialogOpen } from './Dialog';

/** What can take focus: an element, or a handle that focuses its own field. */
export type Focusable = { focus(): void };

/** About half a second: a focus arriving much later would surprise. */
const GIVE_UP_AFTER_FRAMES = 30;

/**
 * "Focus this when it appears": `focusWhenShown(target)` moves focus to `find(target)` once that
 * is rendered and no modal dialog is open (a closing dialog puts focus back where it was), trying
 * after each render and each frame, and giving up after about half a second.
 *
 * State, not a ref: the request lands in the same render as the change that shows its target (a
 * new tab, a new tree item). A ref would also be seen by the previous render's effects, which
 * React may still run first, and focus what was left behind.
 */
export function usePendingFocus<T>(find: (target: T) => Focusable | null | undefined): (target: T) => void {
  const [pending, setPending] = useState<{ target: T } | null>(null);
  useEffect(() => {
    if (!pending) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const found = dialogOpen() ? null : find(pending.target);
      if (found) {
        setPending(null);
        found.focus();
      } else if ((tries += 1) < GIVE_UP_AFTER_FRAMES) frame = requestAnimationFrame(attempt);
      else setPending(null);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  });
  return useCallback((target: T) => setPending({ target }), []);
}
