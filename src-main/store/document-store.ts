// One JSON file per concern (settings, auth, ...), opened through an injected Conf-compatible
// factory: electron-store in the app, `conf` in tests. Every document has a schemaVersion and
// runs through our own pure migrations; an unreadable or invalid file is moved aside, never lost.
// They may all hold personal data, so they are the user's alone: files 0600 in a folder 0700.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../shared/app-error';

/** The part of Conf / electron-store the stores use. */
export interface ConfLike {
  store: Record<string, unknown>;
  readonly path: string;
}

export interface ConfOptions {
  name: string;
  cwd: string;
  defaults: Record<string, unknown>;
  configFileMode?: number;
}

export type ConfFactory = (options: ConfOptions) => ConfLike;

export interface StoreContext {
  dir: string;
  createConf: ConfFactory;
  /** Sentences for the user: where a damaged file was moved, what was reset. */
  notify(message: string): void;
  now(): number;
}

export const PRIVATE_FILE_MODE = 0o600;
const PRIVATE_FOLDER_MODE = 0o700;

/**
 * How deep a JSON document the app reads may nest. Schema checks and tree walks recurse once per
 * level, so a file nested thousands deep would overflow the stack; 32 folder levels need about 70.
 */
export const MAX_JSON_DEPTH = 128;

/** Creates the folder (and its parents) 0700, and closes one an earlier version left open. */
export function privateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  chmodSync(path, PRIVATE_FOLDER_MODE);
}

/** Whether a parsed JSON value nests more than `limit` arrays and objects deep; walks without recursion. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length) {
    const [current, depth] = pending.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

export interface DocumentSpec<T> {
  name: string;
  label: string;
  version: number;
  schema: z.ZodType<T>;
  defaults: T;
  /** migrations[n] turns a version-n document into version n+1. */
  migrations?: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>;
  /** PRIVATE_FILE_MODE unless said otherwise. */
  fileMode?: number;
}

export interface DocumentStore<T> {
  read(): T;
  write(value: T): void;
  readonly path: string;
}

type Versioned = Record<string, unknown> & { schemaVersion?: unknown };

export function openDocumentStore<T extends object>(ctx: StoreContext, spec: DocumentSpec<T>): DocumentStore<T> {
  const path = join(ctx.dir, `${spec.name}.json`);
  const withVersion = (value: T) => ({ ...value, schemaVersion: spec.version });

  const moveAside = (why: string) => {
    if (!existsSync(path)) return;
    const aside = join(ctx.dir, `${spec.name}.corrupt-${ctx.now()}.json`);
    renameSync(path, aside);
    ctx.notify(`${spec.label} ${why}, so it was set aside as ${aside} and ${spec.label.toLowerCase()} started fresh.`);
  };

  const create = () =>
    ctx.createConf({
      name: spec.name,
      cwd: ctx.dir,
      defaults: withVersion(spec.defaults),
      configFileMode: spec.fileMode ?? PRIVATE_FILE_MODE,
    });

  privateFolder(ctx.dir);

  // Judge the file as it is on disk: Conf merges defaults in (and writes them back) on open,
  // which would hide a missing schemaVersion and alter what gets set aside.
  const loaded = readDocument(path, spec);
  let current = spec.defaults;
  if (loaded.kind === 'unreadable') moveAside('could not be read (the file is damaged)');
  else if (loaded.kind === 'newer') moveAside(`was written by a newer version of the app (schema ${loaded.version})`);
  else if (loaded.kind === 'invalid') moveAside('did not have the expected content');
  else if (loaded.kind === 'ok') current = loaded.value;

  let conf: ConfLike;
  try {
    conf = create();
  } catch {
    moveAside('could not be opened');
    conf = create();
  }
  if (loaded.kind === 'ok' && loaded.migrated) conf.store = withVersion(current);

  return {
    path,
    read: () => current,
    write(value) {
      try {
        conf.store = withVersion(value);
      } catch (error) {
        throw new AppError('internal', `Could not save ${spec.label.toLowerCase()} to ${path}: ${(error as Error).message}.`);
      }
      current = value;
    },
  };
}

type Loaded<T> =
  | { kind: 'missing' }
  | { kind: 'unreadable' }
  | { kind: 'newer'; version: number }
  | { kind: 'invalid' }
  | { kind: 'ok'; value: T; migrated: boolean };

function readDocument<T>(path: string, spec: DocumentSpec<T>): Loaded<T> {
  if (!existsSync(path)) return { kind: 'missing' };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { kind: 'unreadable' };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || nestedDeeperThan(raw, MAX_JSON_DEPTH)) return { kind: 'invalid' };
  const doc = raw as Versioned;
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 1;
  if (version > spec.version) return { kind: 'newer', version };
  let upgraded: Record<string, unknown> = stripVersion(doc);
  const migrated = version < spec.version;
  for (; version < spec.version; version += 1) {
    const step = spec.migrations?.[version];
    if (step) upgraded = step(upgraded);
  }
  const parsed = spec.schema.safeParse(upgraded);
  return parsed.success ? { kind: 'ok', value: parsed.data, migrated } : { kind: 'invalid' };
}

function stripVersion(doc: Versioned): Record<string, unknown> {
  const { schemaVersion: _ignored, ...rest } = doc;
  return rest;
}
