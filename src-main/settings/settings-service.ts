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
  return {
    read,
    get: read,
    update(patch) {
      store.write({ ...read(), ...patch });
      onChanged?.(read());
      return read();
    },
  } satisfies Handlers['settings'] & { read(): Settings };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
