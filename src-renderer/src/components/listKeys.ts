import type { KeyboardEvent } from 'react';

/**
 * Arrow Up/Down, Home and End between the buttons matching `selector` inside a list: one Tab stop
 * for the list, the arrows for its entries (the sidebar's catalog and history lists).
 */
export function moveFocusInList(event: KeyboardEvent, list: HTMLElement | null, selector: string): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
  const buttons = [...(list?.querySelectorAll<HTMLButtonElement>(selector) ?? [])];
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    event.key === 'Home' ? 0
    : event.key === 'End' ? buttons.length - 1
    : index + (event.key === 'ArrowDown' ? 1 : -1);
  if (next < 0 || next >= buttons.length) return;
  event.preventDefault();
  buttons[next]!.focus();
}
