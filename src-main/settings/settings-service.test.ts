import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../shared/contract';
import type { StoreContext } from '../store/document-store';
import { createConfFactory } from '../testing/conf-factory';
import { createSettingsService } from './settings-service';
import { DEFAULT_SETTINGS } from './settings-store';

let dir: string;
let ctx: StoreContext;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hae-settings-'));
  ctx = { dir, createConf: createConfFactory(), notify: () => undefined, now: () => 0 };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('settings service', () => {
  it('starts from the defaults', () => {
    const service = createSettingsService({ ctx });
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    expect(service.read()).toEqual(DEFAULT_SETTINGS);
  });

  it('merges an update into what is kept, answers the whole result and tells the shell', () => {
    const told: Settings[] = [];
    const service = createSettingsService({ ctx, onChanged: (settings) => told.push(settings) });
    const updated = service.update({ theme: 'dark', timeoutSeconds: 5 });
    expect(updated).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', timeoutSeconds: 5 });
    expect(told).toEqual([updated]);
    expect(service.update({ readOnly: true })).toMatchObject({ theme: 'dark', readOnly: true });
  });

  it('keeps the settings on disk for the next start', () => {
    createSettingsService({ ctx }).update({ tokenDelivery: 'header' });
    expect(createSettingsService({ ctx }).get().tokenDelivery).toBe('header');
  });
});
