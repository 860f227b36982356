import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

type Props = {
  /** "Resize sidebar", "Resize request and response". */
  label: string;
  /** vertical: a bar between left and right panes (arrows left and right); horizontal: between top and bottom. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  /** Read out after the number, e.g. "pixels" or "percent". */
  unit: string;
  /** Keyboard step; Shift moves five steps. */
  step: number;
  /** The id of the pane whose size this sets. */
  controls?: string;
  /** The value for a pointer at this position (clientX or clientY), from the container's geometry. */
  valueAt: (position: number) => number;
  /** Every change while dragging or pressing keys. */
  onChange: (value: number) => void;
  className?: string;
};

/**
 * A WAI-ARIA window splitter: focusable, arrows resize, Home and End jump to the limits, and a
 * pointer drags it.
 */
export function Splitter({ label, orientation, value, min, max, unit, step, controls, valueAt, onChange, className }: Props) {
  const dragging = useRef(false);
  const clamp = (next: number) => Math.round(Math.min(max, Math.max(min, next)));

  function onKeyDown(event: KeyboardEvent) {
    const amount = event.shiftKey ? step * 5 : step;
    const [less, more] = orientation === 'vertical' ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    const next =
      event.key === less ? value - amount
      : event.key === more ? value + amount
      : event.key === 'Home' ? min
      : event.key === 'End' ? max
      : null;
    if (next === null || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    onChange(clamp(next));
  }

  function position(event: PointerEvent) {
    return orientation === 'vertical' ? event.clientX : event.clientY;
  }

  return (
    <div
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuetext={`${Math.round(value)} ${unit}`}
      aria-controls={controls}
      className={['splitter', `splitter-${orientation}`, className].filter(Boolean).join(' ')}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        event.currentTarget.focus();
        dragging.current = true;
      }}
      onPointerMove={(event) => {
        if (dragging.current) onChange(clamp(valueAt(position(event))));
      }}
      onPointerUp={(event) => {
        dragging.current = false;
        event.currentTarget.releasePointerCapture(event.pointerId);
      }}
      onPointerCancel={() => {
        dragging.current = false;
      }}
    />
  );
}
