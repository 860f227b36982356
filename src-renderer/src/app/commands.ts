// The renderer's one command registry. A keyboard shortcut and the same command sent by main from
// the application menu (window.api.events.onCommand) run the same handler. Pure: no React, no DOM
// beyond the event shape, so the key table is unit-tested.
import { APP_COMMANDS, type AppCommand } from '@shared/channels';

export { APP_COMMANDS, type AppCommand };

/** The parts of a KeyboardEvent the shortcut table looks at. */
export type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

type Shortcut = {
  command: AppCommand;
  /** `mod` is Ctrl, or Cmd on macOS (either is accepted everywhere, as the menu's CmdOrCtrl). */
  mod?: boolean;
  /** The Control key itself, also on macOS (Ctrl+Tab). */
  ctrl?: boolean;
  shift?: boolean;
  key: string;
};

/** Every page shortcut; the application menu (src-main/menu/menu-template.ts) shows the same ones. */
export const SHORTCUTS: readonly Shortcut[] = [
  { command: 'send', mod: true, key: 'Enter' },
  { command: 'save', mod: true, key: 's' },
  { command: 'new-request', mod: true, key: 'n' },
  { command: 'focus-path', mod: true, key: 'l' },
  { command: 'find-in-response', mod: true, key: 'f' },
  { command: 'close-tab', mod: true, key: 'w' },
  { command: 'next-tab', ctrl: true, key: 'Tab' },
  { command: 'previous-tab', ctrl: true, shift: true, key: 'Tab' },
  { command: 'settings', mod: true, key: ',' },
];

/** The key a shortcut is written with: a Latin letter by its layout key, else by its position. */
function keyOf(event: KeyLike): string {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (/^[a-z]$/.test(key) || event.key.length !== 1) return key;
  // A non-Latin layout (Cyrillic, Greek…) still reaches Ctrl+S by the S key's position.
  const letter = /^Key([A-Z])$/.exec(event.code)?.[1];
  return letter ? letter.toLowerCase() : key;
}

/** The command a key press stands for, or null. */
export function commandForKey(event: KeyLike): AppCommand | null {
  if (event.altKey) return null;
  const key = keyOf(event);
  for (const shortcut of SHORTCUTS) {
    if (shortcut.key !== key) continue;
    const modifierOk = shortcut.ctrl ? event.ctrlKey : shortcut.mod ? event.ctrlKey || event.metaKey : !event.ctrlKey && !event.metaKey;
    if (modifierOk && Boolean(shortcut.shift) === event.shiftKey) return shortcut.command;
  }
  return null;
}

const KEY_NAMES: Record<string, string> = { Enter: 'Enter', Tab: 'Tab', ',': ',' };

/** How a command's shortcut is written for people, e.g. "Ctrl+S" or "⌘S"; null without one. */
export function shortcutLabel(command: AppCommand, mac: boolean): string | null {
  const shortcut = SHORTCUTS.find((candidate) => candidate.command === command);
  if (!shortcut) return null;
  const key = KEY_NAMES[shortcut.key] ?? shortcut.key.toUpperCase();
  if (mac) return `${shortcut.ctrl ? '⌃' : ''}${shortcut.shift ? '⇧' : ''}${shortcut.mod ? '⌘' : ''}${key === 'Enter' ? '↩' : key}`;
  return [shortcut.ctrl || shortcut.mod ? 'Ctrl' : null, shortcut.shift ? 'Shift' : null, key].filter(Boolean).join('+');
}

/** The aria-keyshortcuts value of a command (both Control and Meta where either works). */
export function ariaShortcut(command: AppCommand): string | undefined {
  const shortcut = SHORTCUTS.find((candidate) => candidate.command === command);
  if (!shortcut) return undefined;
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
  const shift = shortcut.shift ? 'Shift+' : '';
  if (shortcut.ctrl) return `Control+${shift}${key}`;
  return `Control+${shift}${key} Meta+${shift}${key}`;
}

export type CommandHandler = () => void;

/**
 * Who answers each command now: the most recently registered handler (a screen that mounts later
 * takes over, and hands back when it unmounts).
 */
export function createCommandRegistry() {
  const handlers = new Map<AppCommand, CommandHandler[]>();
  return {
    register(command: AppCommand, handler: CommandHandler): () => void {
      const stack = handlers.get(command) ?? [];
      stack.push(handler);
      handlers.set(command, stack);
      return () => {
        const current = handlers.get(command) ?? [];
        const at = current.lastIndexOf(handler);
        if (at >= 0) current.splice(at, 1);
      };
    },
    has(command: AppCommand): boolean {
      return (handlers.get(command)?.length ?? 0) > 0;
    },
    /** Runs the command; false when nothing answers it on this screen. */
    run(command: AppCommand): boolean {
      const handler = handlers.get(command)?.at(-1);
      if (!handler) return false;
      handler();
      return true;
    },
  };
}

export type CommandRegistry = ReturnType<typeof createCommandRegistry>;

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
