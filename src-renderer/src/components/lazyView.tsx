import { lazy, useState, type ComponentType } from 'react';

export type LazyView<P extends object> = {
  /** The view; inside a <Suspense> until its chunk has arrived, then rendered at once. */
  View: ComponentType<P>;
  /** Starts fetching the chunk (once), for when the view is about to be wanted. */
  preload: () => void;
};

/**
 * A heavy view kept out of the first load: its module is a chunk of its own, imported the first
 * time the view is rendered or preloaded, so the first screen does not wait for it (README.md,
 * "Performance", figure f). Once the chunk has arrived the view renders without suspending, so a
 * preloaded view never shows its fallback.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  const start = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return { default: component };
    }));
  const Lazy = lazy(start);
  function View(props: P) {
    const Component = loaded ?? Lazy;
    return <Component {...props} />;
  }
  // A failed import is not swallowed: rendering the view throws it.
  return { View, preload: () => void start().catch(() => {}) };
}

/** What a lazy view shows while its chunk loads: one line, announced politely. */
export function LoadingView({ label }: { label: string }) {
  return (
    <p className="muted loading-view" role="status">
      {label}
    </p>
  );
}

/**
 * For a lazy dialog: false until `open` is first true, then true for good. The dialog's chunk is
 * fetched when it first opens, and from then on it stays mounted and is closed by its `open`
 * prop, as a dialog always here is (closing puts focus back where it was).
 */
export function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}
