import { expect, it } from 'vitest';
import { formatBytes, formatDuration } from './format';

it('formats sizes and durations the way people read them', () => {
  expect(formatBytes(512)).toBe('512 B');
  expect(formatBytes(1229)).toBe('1.2 KB');
  expect(formatBytes(150 * 1024)).toBe('150 KB');
  expect(formatBytes(3.4 * 1024 * 1024)).toBe('3.4 MB');
  expect(formatDuration(123.4)).toBe('123 ms');
});
