import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export type MenuItem = {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  /** Makes it a menuitemcheckbox; choosing it toggles and leaves the menu open. */
  checked?: boolean;
  /** Shown but not choosable (e.g. the last column that must stay). */
  disabled?: boolean;
};

type Props = {
  id: string;
  label: string;
  items: readonly MenuItem[];
  /** Where it opens: below this rectangle (a button, or a tree row). */
  anchor: { left: number; top: number; bottom: number };
  /** `refocus` is false when the user clicked elsewhere, so focus stays where they clicked. */
  onClose: (refocus: boolean) => void;
};

const MARGIN = 8;

/**
 * A WAI-ARIA menu shown over everything: arrows, Home/End and first letters move, Enter or Space
 * chooses, Escape and Tab close. Positioned in the viewport so it is never cut off.
 */
export function Menu({ id, label, items, anchor, onClose }: Props) {
  const list = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const [position, setPosition] = useState({ left: anchor.left, top: anchor.bottom + 2 });

  useLayoutEffect(() => {
    const box = list.current!.getBoundingClientRect();
    const left = Math.max(MARGIN, Math.min(anchor.left, window.innerWidth - box.width - MARGIN));
    const below = anchor.bottom + 2;
    const top = below + box.height + MARGIN > window.innerHeight ? Math.max(MARGIN, anchor.top - box.height - 2) : below;
    setPosition({ left, top });
  }, [anchor]);

  useEffect(() => {
    list.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]')[active]?.focus();
  }, [active]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element;
      // The button that controls this menu toggles it itself.
      if (list.current?.contains(target) || target.closest?.(`[aria-controls="${CSS.escape(id)}"]`)) return;
      onClose(false);
    };
    const onBlur = () => onClose(false);
    document.addEventListener('pointerdown', onPointerDown, true);
    window.addEventListener('blur', onBlur);
    window.addEventListener('resize', onBlur);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('blur', onBlur);
      window.removeEventListener('resize', onBlur);
    };
  }, [id, onClose]);

  function choose(item: MenuItem) {
    if (item.disabled) return;
    // A checkbox item toggles in place, so several can be changed in one visit.
    if (item.checked === undefined) onClose(true);
    item.onSelect();
  }

  function onKeyDown(event: KeyboardEvent) {
    const last = items.length - 1;
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = active === last ? 0 : active + 1;
    else if (event.key === 'ArrowUp') next = active === 0 ? last : active - 1;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      event.stopPropagation();
      choose(items[active]!);
      return;
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
      return;
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      const letter = event.key.toLowerCase();
      const order = [...items.keys()].map((i) => (active + 1 + i) % items.length);
      next = order.find((i) => items[i]!.label.toLowerCase().startsWith(letter)) ?? null;
    }
    if (next === null) return;
    event.preventDefault();
    event.stopPropagation();
    setActive(next);
  }

  return (
    <ul
      ref={list}
      id={id}
      role="menu"
      aria-label={label}
      className="menu"
      style={{ left: position.left, top: position.top }}
      onKeyDown={onKeyDown}
    >
      {items.map((item, index) => (
        <li
          key={item.label}
          role={item.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
          aria-checked={item.checked}
          aria-disabled={item.disabled || undefined}
          tabIndex={index === active ? 0 : -1}
          className={['menu-item', item.danger && 'is-danger', item.checked !== undefined && 'is-checkable', item.disabled && 'is-disabled']
            .filter(Boolean)
            .join(' ')}
          onClick={() => choose(item)}
          onPointerMove={() => setActive(index)}
        >
          {item.checked !== undefined && <span className="menu-check" aria-hidden="true" />}
          {item.label}
        </li>
      ))}
    </ul>
  );
}

/** What a button that opens a Menu says about it (WAI-ARIA menu button). */
export function menuButtonProps(menuId: string, open: boolean) {
  return { 'aria-haspopup': 'menu' as const, 'aria-expanded': open, 'aria-controls': open ? menuId : undefined };
}
