// React glue for the command registry: one keydown listener and one menu subscription for the
// whole page, and a hook through which a screen answers the commands it can carry out.
import { createContext, useContext, useEffect, useRef } from 'react';
import { api } from '../api';
import { dialogOpen } from '../components/Dialog';
import { commandForKey, createCommandRegistry, type AppCommand, type CommandHandler, type CommandRegistry } from './commands';

export const CommandContext = createContext<CommandRegistry>(createCommandRegistry());

/**
 * Feeds the registry from the keyboard and from main's application menu. A shortcut the page
 * handles is default-prevented, so Electron does not also run the menu item's accelerator.
 */
export function useCommandSources(registry: CommandRegistry) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing || event.defaultPrevented) return;
      const command = commandForKey(event);
      if (!command) return;
      // Commands wait while a dialog is open (Ctrl+Enter must not send from behind it).
      if (dialogOpen()) {
        if (registry.has(command)) event.preventDefault();
        return;
      }
      // Holding Ctrl+W or Ctrl+N down must not close or open a tab per repeat.
      if (event.repeat && command !== 'next-tab' && command !== 'previous-tab') {
        if (registry.has(command)) event.preventDefault();
        return;
      }
      if (!registry.has(command)) return;
      event.preventDefault();
      event.stopPropagation();
      registry.run(command);
    };
    // Capture: the shortcut wins over what has focus (Ctrl+Enter in the JSON editor sends).
    window.addEventListener('keydown', onKeyDown, true);
    const unsubscribe = api().events?.onCommand((command) => {
      if (!dialogOpen()) registry.run(command);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      unsubscribe?.();
    };
  }, [registry]);
}

/**
 * Answers the given commands while the calling component is mounted. The handlers may change on
 * every render; the latest ones run.
 */
export function useCommands(handlers: Partial<Record<AppCommand, CommandHandler | null>>) {
  const registry = useContext(CommandContext);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const active = Object.entries(handlers)
    .filter(([, handler]) => handler)
    .map(([command]) => command as AppCommand)
    .sort()
    .join(' ');
  useEffect(() => {
    if (!active) return;
    const offs = active.split(' ').map((command) =>
      registry.register(command as AppCommand, () => latest.current[command as AppCommand]?.()),
    );
    return () => offs.forEach((off) => off());
  }, [registry, active]);
}
