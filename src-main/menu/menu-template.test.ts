import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { isAllowedExternalUrl } from '../security/external-links';
import { APP_COMMANDS, type AppCommand } from '../shared/channels';
import { buildMenuTemplate, DOCS_LINKS } from './menu-template';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('application menu', () => {
  const sent: AppCommand[] = [];
  const opened: string[] = [];
  const template = buildMenuTemplate('linux', { command: (c) => void sent.push(c), openDocs: (u) => void opened.push(u) });
  const all = items(template);

  it('has File, Edit, View, Request and Help', () => {
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'editMenu', 'View', 'Request', 'help']);
    expect(buildMenuTemplate('darwin', { command: () => undefined, openDocs: () => undefined })[0]).toEqual({ role: 'appMenu' });
  });

  it.each([
    ['Send', 'CmdOrCtrl+Enter', 'send'],
    ['Save Request', 'CmdOrCtrl+S', 'save'],
    ['New Request', 'CmdOrCtrl+N', 'new-request'],
    ['Focus Path', 'CmdOrCtrl+L', 'focus-path'],
    ['Find in Response', 'CmdOrCtrl+F', 'find-in-response'],
    ['Close Tab', 'CmdOrCtrl+W', 'close-tab'],
  ])('%s has %s and sends the %s command', (label, accelerator, command) => {
    const item = all.find((i) => i.label === label)!;
    expect(item.accelerator).toBe(accelerator);
    (item.click as () => void)();
    expect(sent.at(-1)).toBe(command);
  });

  it('every command it sends is one the renderer knows', () => {
    for (const item of all.filter((i) => i.click && !DOCS_LINKS.some((l) => l.label === i.label))) {
      (item.click as () => void)();
      expect(APP_COMMANDS).toContain(sent.at(-1));
    }
  });

  it('Help links open only allowed documentation URLs in the system browser', () => {
    for (const link of DOCS_LINKS) {
      (all.find((i) => i.label === link.label)!.click as () => void)();
      expect(isAllowedExternalUrl(link.url)).toBe(true);
    }
    expect(opened).toEqual(DOCS_LINKS.map((l) => l.url));
  });
});
