// Shared set-up for the collections tests: a real temp folder with conf files, and dialogs
// that answer with whatever path the test chose (or cancel). The tests pass in the conf
// factory from src-main/testing, which only test files may import.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileFilter, NativeDialogs } from '../ports/native';
import type { SavedRequest } from '../shared/contract';
import type { ConfFactory, StoreContext } from '../store/document-store';
import { createCollectionsService } from './collections-service';

export const NOW = 1_700_000_000_000;

interface ScriptedDialogs extends NativeDialogs {
  /** What the next dialog answers: a path, or null for Cancel. */
  answer: string | null;
  asked: Array<{ kind: 'save' | 'open'; title: string; defaultName?: string; filters: FileFilter[] }>;
}

function scriptedDialogs(): ScriptedDialogs {
  const dialogs: ScriptedDialogs = {
    answer: null,
    asked: [],
    saveFile: async ({ title, defaultName, filters }) => {
      dialogs.asked.push({ kind: 'save', title, defaultName, filters });
      return dialogs.answer;
    },
    openFile: async ({ title, filters }) => {
      dialogs.asked.push({ kind: 'open', title, filters });
      return dialogs.answer;
    },
  };
  return dialogs;
}

export function collectionsFixture(createConf: ConfFactory, dir = mkdtempSync(join(tmpdir(), 'hae-collections-'))) {
  const notices: string[] = [];
  const ctx: StoreContext = { dir, createConf, notify: (m) => notices.push(m), now: () => NOW };
  const dialogs = scriptedDialogs();
  const open = () => createCollectionsService({ ctx, dialogs });
  return { dir, notices, dialogs, service: open(), reopen: open };
}

export const getRequest = (path: string, overrides: Partial<SavedRequest> = {}): SavedRequest => ({
  method: 'GET',
  path,
  query: [],
  body: { kind: 'none' },
  ...overrides,
});

/** `inner` wrapped `levels` times by `wrap`, as JSON text: a JS object that deep could not even be stringified. */
export function nestedText(levels: number, wrap: (inner: string) => string, inner: string): string {
  let text = inner;
  for (let level = 0; level < levels; level += 1) text = wrap(text);
  return text;
}

/** A folder of the app's own format, as JSON text around its children. */
export const folderText = (children: string) => `{"id":"f","kind":"folder","name":"F","description":"","variables":[],"request":null,"children":[${children}]}`;
