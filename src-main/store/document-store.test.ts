import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../shared/app-error';
import { createConfFactory } from '../testing/conf-factory';
import { openDocumentStore } from './document-store';
import type { DocumentSpec, StoreContext } from './document-store';

const itemsSchema = z.object({ items: z.array(z.object({ id: z.string(), title: z.string() })) }).strict();
type Items = z.infer<typeof itemsSchema>;

const NOW = 1_700_000_000_123;

const spec = (overrides: Partial<DocumentSpec<Items>> = {}): DocumentSpec<Items> => ({
  name: 'collections',
  label: 'Collections',
  version: 1,
  schema: itemsSchema,
  defaults: { items: [] },
  ...overrides,
});

let dir: string;
let notices: string[];
let ctx: StoreContext;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hae-docstore-'));
  notices = [];
  ctx = { dir, createConf: createConfFactory(), notify: (m) => notices.push(m), now: () => NOW };
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const filePath = (name = 'collections') => join(dir, `${name}.json`);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const asidePath = (name = 'collections') => join(dir, `${name}.corrupt-${NOW}.json`);

function expectSetAsideNotice(path: string) {
  expect(notices).toHaveLength(1);
  expect(notices[0]).toContain(path);
  expect(notices[0]).toMatch(/^[A-Z].*\.$/s);
}

describe('openDocumentStore', () => {
  it('writes the defaults with schemaVersion on first open', () => {
    const store = openDocumentStore(ctx, spec({ version: 3 }));
    expect(store.path).toBe(filePath());
    expect(store.read()).toEqual({ items: [] });
    expect(readJson(filePath())).toEqual({ items: [], schemaVersion: 3 });
    expect(notices).toEqual([]);
  });

  it('round-trips a write, and a second open sees it', () => {
    const value: Items = { items: [{ id: 'a', title: 'Employees' }] };
    const store = openDocumentStore(ctx, spec({ version: 2 }));
    store.write(value);
    expect(store.read()).toEqual(value);
    expect(readJson(filePath())).toEqual({ ...value, schemaVersion: 2 });
    const again = openDocumentStore(ctx, spec({ version: 2 }));
    expect(again.read()).toEqual(value);
    expect(notices).toEqual([]);
  });

  it('moves a corrupt (invalid JSON) file aside with its original bytes and tells the user where', () => {
    const bytes = '{"items": [ {"id": "a", "title": "half written';
    writeFileSync(filePath(), bytes);
    const store = openDocumentStore(ctx, spec());
    expect(store.read()).toEqual({ items: [] });
    expect(existsSync(asidePath())).toBe(true);
    expect(readFileSync(asidePath(), 'utf8')).toBe(bytes);
    expect(readJson(filePath())).toEqual({ items: [], schemaVersion: 1 });
    expectSetAsideNotice(asidePath());
    expect(notices[0]).toMatch(/Collections/);
  });

  it('moves a schema-invalid file aside with its original bytes and tells the user where', () => {
    const bytes = '{"items": "not a list", "schemaVersion": 1}';
    writeFileSync(filePath(), bytes);
    const store = openDocumentStore(ctx, spec());
    expect(store.read()).toEqual({ items: [] });
    expect(readFileSync(asidePath(), 'utf8')).toBe(bytes);
    expect(readJson(filePath())).toEqual({ items: [], schemaVersion: 1 });
    expectSetAsideNotice(asidePath());
  });

  it('keeps the original bytes of a schema-invalid file that lacks some default keys', () => {
    const bytes = '{"stuff": [1, 2, 3]}';
    writeFileSync(filePath(), bytes);
    const store = openDocumentStore(ctx, spec());
    expect(store.read()).toEqual({ items: [] });
    expect(readFileSync(asidePath(), 'utf8')).toBe(bytes);
    expectSetAsideNotice(asidePath());
  });

  it('moves aside a file written by a newer version and says so', () => {
    const bytes = '{"items": [], "futureField": {"x": 1}, "schemaVersion": 9}';
    writeFileSync(filePath(), bytes);
    const store = openDocumentStore(ctx, spec({ version: 2 }));
    expect(store.read()).toEqual({ items: [] });
    expect(existsSync(asidePath())).toBe(true);
    expect(readJson(asidePath())).toMatchObject({ futureField: { x: 1 }, schemaVersion: 9 });
    expect(readJson(filePath())).toEqual({ items: [], schemaVersion: 2 });
    expectSetAsideNotice(asidePath());
    expect(notices[0]).toMatch(/newer version/);
  });

  it('keeps the original bytes of a file written by a newer version', () => {
    const bytes = '{"renamedItems": [], "schemaVersion": 9}';
    writeFileSync(filePath(), bytes);
    openDocumentStore(ctx, spec({ version: 2 }));
    expect(readFileSync(asidePath(), 'utf8')).toBe(bytes);
  });

  it('runs migrations in order from an older schemaVersion and writes the result back', () => {
    writeFileSync(filePath(), JSON.stringify({ schemaVersion: 1, list: ['Employees', 'Shifts'] }));
    const order: number[] = [];
    const store = openDocumentStore(
      ctx,
      spec({
        version: 3,
        migrations: {
          // v1 -> v2: `list` of titles becomes `entries` of objects.
          1: ({ list, ...rest }) => {
            order.push(1);
            return { ...rest, entries: (list as string[]).map((title) => ({ title })) };
          },
          // v2 -> v3: `entries` become `items` with ids.
          2: ({ entries, ...rest }) => {
            order.push(2);
            return { ...rest, items: (entries as Array<{ title: string }>).map((e, i) => ({ id: `c${i}`, title: e.title })) };
          },
        },
      }),
    );
    expect(order).toEqual([1, 2]);
    const expected = { items: [{ id: 'c0', title: 'Employees' }, { id: 'c1', title: 'Shifts' }] };
    expect(store.read()).toEqual(expected);
    expect(readJson(filePath())).toEqual({ ...expected, schemaVersion: 3 });
    expect(notices).toEqual([]);
  });

  it('starts migrations at the stored version, skipping older steps', () => {
    writeFileSync(filePath(), JSON.stringify({ schemaVersion: 2, entries: [{ title: 'Shifts' }] }));
    const order: number[] = [];
    const store = openDocumentStore(
      ctx,
      spec({
        version: 3,
        migrations: {
          1: (doc) => {
            order.push(1);
            return doc;
          },
          2: ({ entries, ...rest }) => {
            order.push(2);
            return { ...rest, items: (entries as Array<{ title: string }>).map((e) => ({ id: 'x', title: e.title })) };
          },
        },
      }),
    );
    expect(order).toEqual([2]);
    expect(store.read()).toEqual({ items: [{ id: 'x', title: 'Shifts' }] });
  });

  it('treats a file without schemaVersion as version 1 and migrates it', () => {
    writeFileSync(filePath(), JSON.stringify({ list: ['Employees'] }));
    const order: number[] = [];
    const store = openDocumentStore(
      ctx,
      spec({
        version: 2,
        migrations: {
          1: ({ list, ...rest }) => {
            order.push(1);
            return { ...rest, items: (list as string[]).map((title) => ({ id: 'm', title })) };
          },
        },
      }),
    );
    expect(order).toEqual([1]);
    expect(store.read()).toEqual({ items: [{ id: 'm', title: 'Employees' }] });
    expect(notices).toEqual([]);
  });

  it('moves aside a file whose migrated content is invalid', () => {
    writeFileSync(filePath(), JSON.stringify({ schemaVersion: 1, list: 'oops' }));
    const store = openDocumentStore(ctx, spec({ version: 2, migrations: { 1: (doc) => doc } }));
    expect(store.read()).toEqual({ items: [] });
    expect(existsSync(asidePath())).toBe(true);
    expectSetAsideNotice(asidePath());
  });

  it('creates the file with mode 0600 when fileMode is 0o600', () => {
    const store = openDocumentStore(ctx, spec({ name: 'auth', label: 'Sign-in data', fileMode: 0o600 }));
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    store.write({ items: [{ id: 'a', title: 'b' }] });
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('writes every document 0600 without being asked, on first open, after a rewrite and after a re-open', () => {
    const store = openDocumentStore(ctx, spec());
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    store.write({ items: [{ id: 'a', title: 'Ada' }] });
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
    openDocumentStore(ctx, spec()).write({ items: [] });
    expect(statSync(store.path).mode & 0o777).toBe(0o600);
  });

  it('creates its folder 0700, and makes one an earlier version left open 0700', () => {
    const fresh = join(dir, 'user-data');
    openDocumentStore({ ...ctx, dir: fresh }, spec());
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
    chmodSync(fresh, 0o755);
    openDocumentStore({ ...ctx, dir: fresh }, spec({ name: 'history', label: 'History' }));
    expect(statSync(fresh).mode & 0o777).toBe(0o700);
  });

  it('sets aside a document nested 20,000 levels deep instead of overflowing the stack in validation', () => {
    type Tree = { children: Tree[] };
    const tree: z.ZodType<Tree> = z.lazy(() => z.object({ children: z.array(tree) }));
    const treeSpec: DocumentSpec<{ root: Tree }> = { name: 'tree', label: 'Tree', version: 1, schema: z.object({ root: tree }), defaults: { root: { children: [] } } };
    const levels = 20_000;
    const text = `{"schemaVersion":1,"root":${'{"children":['.repeat(levels)}${']}'.repeat(levels)}}`;
    writeFileSync(filePath('tree'), text);
    expect(openDocumentStore(ctx, treeSpec).read()).toEqual({ root: { children: [] } });
    expect(readFileSync(asidePath('tree'), 'utf8')).toBe(text);
    expectSetAsideNotice(asidePath('tree'));
  });

  it('does not leave temporary files next to the document after writes', () => {
    const store = openDocumentStore(ctx, spec());
    for (let i = 0; i < 5; i += 1) store.write({ items: [{ id: String(i), title: 't' }] });
    expect(readdirSync(dir)).toEqual(['collections.json']);
  });

  it('throws an AppError with a sentence when the file cannot be written', () => {
    const store = openDocumentStore(ctx, spec());
    // chmod does not stop root, so make the target path a directory: the atomic rename must fail.
    rmSync(store.path);
    mkdirSync(store.path);
    let caught: unknown;
    try {
      store.write({ items: [{ id: 'a', title: 'b' }] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    const error = caught as AppError;
    expect(error.code).toBe('internal');
    expect(error.message).toMatch(/^Could not save collections to .*\.$/s);
    expect(error.message).toContain(store.path);
    // The in-memory value is unchanged after a failed write.
    expect(store.read()).toEqual({ items: [] });
  });
});
