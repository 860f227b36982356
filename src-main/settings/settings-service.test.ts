import { describe, expect, it } from 'vitest';
import { tempStoreContext } from '../testing/temp-store';
import type { Settings } from '../shared/contract';
import { createSettingsService } from './settings-service';
import { DEFAULT_SETTINGS } from './settings-store';

describe('settings service', () => {
  it('starts from the defaults', () => {
    const ctx = tempStoreContext('hae-settings-');
    const service = createSettingsService({ ctx });
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(service.read()).toEqual(DEFAULT_SETTINGS);
  });

  it('merges an update into what is kept, answers the whole result and tells the shell', () => {
    const ctx = tempStoreContext('hae-settings-');
    const told: Settings[] = [];
    const service = createSettingsService({ ctx, onChanged: (settings) => told.push(settings) });
    const updated = service.update({ theme: 'dark', timeoutSeconds: 5 });
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', timeoutSeconds: 5 });
    expect(told).toEqual([updated]);
    expect(service.update({ readOnly: true })).toMatchObject({ theme: 'dark', readOnly: true });
  });

  it('keeps the settings on disk for the next start', () => {
    const ctx = tempStoreContext('hae-settings-');
    createSettingsService({ ctx }).update({ tokenDelivery: 'header' });
    expect(createSettingsService({ ctx }).get().tokenDelivery).toBe('header');
  });
});
