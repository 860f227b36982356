import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, ariaShortcut, commandForKey, createCommandRegistry, shortcutLabel, type KeyLike } from './commands';

const key = (key: string, modifiers: Partial<KeyLike> = {}): KeyLike => ({
  key,
  code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '',
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...modifiers,
});

describe('commandForKey', () => {
  it('maps every documented shortcut, with Ctrl or Cmd', () => {
    for (const mod of [{ ctrlKey: true }, { metaKey: true }]) {
      expect(commandForKey(key('Enter', mod))).toBe('send');
      expect(commandForKey(key('s', mod))).toBe('save');
      expect(commandForKey(key('n', mod))).toBe('new-request');
      expect(commandForKey(key('l', mod))).toBe('focus-path');
      expect(commandForKey(key('f', mod))).toBe('find-in-response');
      expect(commandForKey(key('w', mod))).toBe('close-tab');
      expect(commandForKey(key(',', mod))).toBe('settings');
    }
    expect(commandForKey(key('Tab', { ctrlKey: true }))).toBe('next-tab');
    expect(commandForKey(key('Tab', { ctrlKey: true, shiftKey: true }))).toBe('previous-tab');
  });

  it('ignores plain keys, Alt, extra Shift, and Cmd+Tab (the OS app switcher)', () => {
    expect(commandForKey(key('s'))).toBeNull();
    expect(commandForKey(key('Enter'))).toBeNull();
    expect(commandForKey(key('Tab'))).toBeNull();
    expect(commandForKey(key('s', { ctrlKey: true, altKey: true }))).toBeNull();
    expect(commandForKey(key('S', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(commandForKey(key('Tab', { metaKey: true }))).toBeNull();
  });

  it('finds the letter by its position on a non-Latin layout', () => {
    expect(commandForKey({ ...key('ы', { ctrlKey: true }), code: 'KeyS' })).toBe('save');
    expect(commandForKey({ ...key('ц', { ctrlKey: true }), code: 'KeyW' })).toBe('close-tab');
  });

  it('writes shortcuts for people and for assistive technology', () => {
    expect(shortcutLabel('save', false)).toBe('Ctrl+S');
    expect(shortcutLabel('send', false)).toBe('Ctrl+Enter');
    expect(shortcutLabel('previous-tab', false)).toBe('Ctrl+Shift+Tab');
    expect(shortcutLabel('save', true)).toBe('⌘S');
    expect(shortcutLabel('about', false)).toBeNull();
    expect(ariaShortcut('save')).toBe('Control+S Meta+S');
    expect(ariaShortcut('next-tab')).toBe('Control+Tab');
  });
});

describe('createCommandRegistry', () => {
  it('runs the latest handler and hands back when it is removed', () => {
    const registry = createCommandRegistry();
    const calls: string[] = [];
    expect(registry.run('save')).toBe(false);
    const offFirst = registry.register('save', () => calls.push('first'));
    const offSecond = registry.register('save', () => calls.push('second'));
    expect(registry.run('save')).toBe(true);
    offSecond();
    registry.run('save');
    offFirst();
    expect(registry.has('save')).toBe(false);
    expect(calls).toEqual(['second', 'first']);
  });

  it('knows every command main can send', () => {
    expect(APP_COMMANDS).toEqual(expect.arrayContaining(['send', 'save', 'new-request', 'focus-path', 'find-in-response', 'close-tab', 'next-tab', 'previous-tab', 'settings', 'about']));
  });
});
