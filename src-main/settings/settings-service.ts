// The settings channel: read them, change some of them; main reads them through `read` too.
import type { Handlers, Settings } from '../shared/contract';
import type { StoreContext } from '../store/document-store';
import { openSettingsStore } from './settings-store';

export interface SettingsServiceDeps {
  ctx: StoreContext;
  /** Told after every change (the shell follows the theme). */
  onChanged?(settings: Settings): void;
}

export function createSettingsService({ ctx, onChanged }: SettingsServiceDeps) {
  const store = openSettingsStore(ctx);
  const read = (): Settings => store.read();
  const write = (next: Settings): Settings => {
    store.write(next);
    onChanged?.(read());
    return read();
  };
  return {
    read,
    /** For main only (the router offers contract verbs alone): fields the window may not set, such as the trusted certificates file. */
    write,
    get: read,
    update: (patch) => write({ ...read(), ...patch }),
  } satisfies Handlers['settings'] & { read(): Settings; write(next: Settings): Settings };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
