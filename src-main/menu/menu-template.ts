// The application menu as data: File, Edit, View, Request, Help. Commands that act on the
// page are sent to the renderer, which runs the same handlers as its keyboard shortcuts.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from '../shared/channels';

export const DOCS_LINKS = [
  { label: 'Humanity API guides', url: 'https://platform.humanity.com/docs' },
  { label: 'Humanity API reference', url: 'https://platform.humanity.com/reference' },
  { label: 'Authentication with the Humanity API', url: 'https://platform.humanity.com/docs/getting-started-with-authentication' },
] as const;

export interface MenuActions {
  command(command: AppCommand): void;
  /** Opens a documentation link in the system browser. */
  openDocs(url: string): void;
}

export function buildMenuTemplate(platform: string, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (label: string, name: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.command(name),
  });
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        command('New Request', 'new-request', 'CmdOrCtrl+N'),
        command('Save Request', 'save', 'CmdOrCtrl+S'),
        { type: 'separator' },
        command('Settings…', 'settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        command('Close Tab', 'close-tab', 'CmdOrCtrl+W'),
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        command('Find in Response', 'find-in-response', 'CmdOrCtrl+F'),
        { type: 'separator' },
        command('Next Tab', 'next-tab', 'Ctrl+Tab'),
        command('Previous Tab', 'previous-tab', 'Ctrl+Shift+Tab'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Request',
      submenu: [command('Send', 'send', 'CmdOrCtrl+Enter'), command('Focus Path', 'focus-path', 'CmdOrCtrl+L')],
    },
    {
      role: 'help',
      submenu: [
        ...DOCS_LINKS.map((link): MenuItemConstructorOptions => ({ label: link.label, click: () => actions.openDocs(link.url) })),
        { type: 'separator' },
        command('About Humanity API Explorer', 'about'),
      ],
    },
  ];
}
