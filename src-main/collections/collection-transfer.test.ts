import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CollectionNode } from '../shared/contract';
import { exportCollection, fileSafe, pickCollectionFile } from './collection-transfer';
import { getRequest } from './test-support';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hae-transfer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const request: CollectionNode = { id: 'r1', kind: 'request', name: 'Me', description: '', variables: [], request: getRequest('me'), children: [] };
const collection: CollectionNode = { id: 'c1', kind: 'collection', name: 'Team: A/B', description: '', variables: [], request: null, children: [request] };

function dialogs(answer: string | null) {
  const asked: unknown[] = [];
  return {
    asked,
    saveFile: async (options: { defaultName: string }) => {
      asked.push(options.defaultName);
      return answer;
    },
    openFile: async (options: { title: string }) => {
      asked.push(options.title);
      return answer;
    },
  };
}

describe('collection transfer', () => {
  it('suggests a file-safe name, writes the chosen format and reads it back', async () => {
    const path = join(dir, 'team.json');
    const save = dialogs(path);
    expect(await exportCollection(save, collection, 'native')).toEqual({ saved: true, path });
    expect(save.asked).toEqual(['Team- A-B.humanity-collection.json']);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toBeTruthy();
    const read = await pickCollectionFile(dialogs(path));
    expect(read?.collection).toMatchObject({ name: 'Team: A/B', children: [{ name: 'Me', request: getRequest('me') }] });
  });

  it('refuses to export a request or folder before asking where', async () => {
    const save = dialogs(join(dir, 'x.json'));
    await expect(exportCollection(save, request, 'postman')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(save.asked).toEqual([]);
  });

  it('does nothing when either dialog is cancelled', async () => {
    expect(await exportCollection(dialogs(null), collection, 'postman')).toEqual({ saved: false, path: '' });
    expect(await pickCollectionFile(dialogs(null))).toBeNull();
  });

  it('refuses a file that is not a collection with a sentence', async () => {
    const path = join(dir, 'notes.json');
    writeFileSync(path, '{"hello": 1}');
    await expect(pickCollectionFile(dialogs(path))).rejects.toMatchObject({ code: 'invalid_file', message: expect.stringMatching(/Nothing was imported\.$/) });
  });

  it('makes names the common file systems accept', () => {
    expect(fileSafe('a/b\\c:d*e?"f<g>h|i')).toBe('a-b-c-d-e-f-g-h-i');
    expect(fileSafe(' .hidden. ')).toBe('hidden');
    expect(fileSafe('...')).toBe('collection');
  });
});
