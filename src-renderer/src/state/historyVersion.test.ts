import { describe, expect, it } from 'vitest';
import { historyChanged, historyVersion } from './historyVersion';

describe('historyVersion', () => {
  it('moves on at every send that ended, so the history list reads itself again', () => {
    const before = historyVersion();
    historyChanged();
    historyChanged();
    expect(historyVersion()).toBe(before + 2);
  });
});
