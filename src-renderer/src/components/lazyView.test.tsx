import { Suspense, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { lazyView, LoadingView } from './lazyView';

function Greeting({ name }: { name: string }) {
  return <b>{`Hello ${name}`}</b>;
}

const inSuspense = (node: ReactNode) =>
  renderToStaticMarkup(<Suspense fallback={<LoadingView label="Loading greeting…" />}>{node}</Suspense>);

describe('lazyView', () => {
  it('imports nothing until the view is preloaded or rendered, then imports once', async () => {
    const load = vi.fn(async () => Greeting);
    const greeting = lazyView(load);
    expect(load).not.toHaveBeenCalled();
    greeting.preload();
    greeting.preload();
    expect(load).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(inSuspense(<greeting.View name="Ada" />)).toBe('<b>Hello Ada</b>'));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shows the fallback, as a status, while the chunk has not arrived', () => {
    const greeting = lazyView(() => new Promise<typeof Greeting>(() => {}));
    expect(inSuspense(<greeting.View name="Ada" />)).toBe('<p class="muted loading-view" role="status">Loading greeting…</p>');
  });

  it('renders at once, without suspending, once the chunk has arrived', async () => {
    const greeting = lazyView(async () => Greeting);
    greeting.preload();
    await Promise.resolve();
    await Promise.resolve();
    // No <Suspense> around it: a suspension here would throw.
    expect(renderToStaticMarkup(<greeting.View name="Grace" />)).toBe('<b>Hello Grace</b>');
  });

  it('swallows a failed preload; the failure is left for the render to meet', async () => {
    const greeting = lazyView(() => Promise.reject(new Error('offline')));
    expect(() => greeting.preload()).not.toThrow();
    await Promise.resolve();
  });
});
