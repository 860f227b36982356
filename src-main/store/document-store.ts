// One JSON file per concern (settings, auth, ...), opened through an injected Conf-compatible
// factory: electron-store in the app, `conf` in tests. Every document has a schemaVersion and
// runs through our own pure migrations; an unreadable or invalid file is moved aside, never lost.
import { existsSync, renameSync } from 'node:fs';
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

export interface DocumentSpec<T> {
  name: string;
  label: string;
  version: number;
  schema: z.ZodType<T>;
  defaults: T;
  /** migrations[n] turns a version-n document into version n+1. */
  migrations?: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>;
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
      configFileMode: spec.fileMode,
    });

  let conf: ConfLike;
  try {
    conf = create();
  } catch {
    moveAside('could not be read (the file is damaged)');
    conf = create();
  }

  const loaded = upgrade(conf.store as Versioned, spec);
  let current: T;
  if (loaded.kind === 'newer') {
    moveAside(`was written by a newer version of the app (schema ${loaded.version})`);
    conf = create();
    current = spec.defaults;
  } else {
    const parsed = spec.schema.safeParse(stripVersion(loaded.doc));
    if (parsed.success) {
      current = parsed.data;
      if (loaded.migrated) conf.store = withVersion(current);
    } else {
      moveAside('did not have the expected content');
      conf = create();
      current = spec.defaults;
    }
  }

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

function upgrade<T>(
  raw: Versioned,
  spec: DocumentSpec<T>,
): { kind: 'ok'; doc: Versioned; migrated: boolean } | { kind: 'newer'; version: number } {
  let version = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 1;
  if (version > spec.version) return { kind: 'newer', version };
  let doc = raw;
  const migrated = version < spec.version;
  while (version < spec.version) {
    const step = spec.migrations?.[version];
    if (step) doc = step(doc);
    version += 1;
  }
  return { kind: 'ok', doc, migrated };
}

function stripVersion(doc: Versioned): Record<string, unknown> {
  const { schemaVersion: _ignored, ...rest } = doc;
  return rest;
}
