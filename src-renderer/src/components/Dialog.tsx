import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';

/** True while a modal dialog is open: the page behind it is inert, so commands and focus moves wait. */
export const dialogOpen = () => document.querySelector('dialog[open]') !== null;

type Props = {
  open: boolean;
  title: string;
  /** Called when the user closes the dialog with Escape; buttons inside set `open` to false instead. */
  onClose: () => void;
  children: ReactNode;
  /** Extra class for the dialog, e.g. `dialog-wide`. */
  className?: string;
};

/**
 * A native modal dialog titled for assistive technology. The content mounts on every opening, so
 * each opening starts from fresh state. Focus goes to the element marked `data-autofocus`, or the
 * first focusable one (a text field's proposed value is selected), and returns to where it was when the dialog closes.
 */
export function Dialog({ open, title, onClose, children, className }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Set while `open` turned false, so that close is not reported back as the user's.
  const closingFromProp = useRef(false);

  // Before paint: otherwise, for a frame, the closed dialog's content is gone while the modal is
  // still open, showing an empty box and swallowing a shortcut pressed right after saving.
  useLayoutEffect(() => {
    const element = dialog.current!;
    if (open && !element.open) {
      element.showModal();
      const first = element.querySelector<HTMLElement>('[data-autofocus]');
      first?.focus();
      // A proposed name is selected, so typing replaces it.
      if (first instanceof HTMLInputElement) first.select();
    }
    if (!open && element.open) {
      closingFromProp.current = true;
      element.close();
    }
  }, [open]);

  return (
    <dialog ref={dialog} className={['dialog', className].filter(Boolean).join(' ')} aria-labelledby={titleId}
      onClose={() => {
        if (closingFromProp.current) closingFromProp.current = false;
        else onClose();
      }}
    >
      {open && (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}
