// Files the app writes for the user (exports, kept history bodies) appear whole or not at all:
// the bytes go to a temporary file in the same folder, which is then renamed over the target.
// A crash or a full disk leaves the previous file (or none), never half of one.
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../shared/app-error';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission was denied',
  EPERM: 'permission was denied',
  EROFS: 'the disk is read-only',
  ENOENT: 'the folder does not exist',
  EISDIR: 'a folder already has that name',
  EEXIST: 'a file already has that name',
  ENOTDIR: 'part of the path is a file, not a folder',
};

/** Words for a failed file write, for sentences shown to the user. */
export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return (code && REASONS[code]) || (error instanceof Error ? error.message : String(error));
}

/** A sentence for a file the user asked for that could not be written ("The export", "The answer"). */
export function writeFailure(what: string, path: string, error: unknown): AppError {
  return new AppError('storage_failed', `${what} could not be written to ${path}: ${describeFileError(error)}. Choose another folder or free some disk space, then try again.`);
}

/** Temporary files start with a dot so folder sweeps (and users) can tell them apart. */
const TEMP_PREFIX = '.tmp-';

function tempPathFor(path: string): string {
  return join(dirname(path), `${TEMP_PREFIX}${basename(path)}-${randomBytes(6).toString('hex')}`);
}

export function writeFileAtomicSync(path: string, text: string): void {
  const temp = tempPathFor(path);
  try {
    writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export type Chunk = string | Uint8Array;

/** A file written piece by piece that appears at its path only on commit(). */
export interface AtomicFile {
  write(chunk: Chunk): Promise<void>;
  commit(): Promise<void>;
  /** Removes the temporary file; safe to call after a failed commit. */
  abort(): Promise<void>;
}

export async function openAtomicFile(path: string): Promise<AtomicFile> {
  const temp = tempPathFor(path);
  let handle: FileHandle | null = await open(temp, 'wx');
  const close = async () => {
    const current = handle;
    handle = null;
    await current?.close();
  };
  return {
    async write(chunk) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      for (let written = 0; written < bytes.byteLength; ) written += (await handle!.write(bytes, written, bytes.byteLength - written)).bytesWritten;
    },
    async commit() {
      await close();
      await rename(temp, path);
    },
    async abort() {
      await close().catch(() => undefined);
      await rm(temp, { force: true });
    },
  };
}

/** Writes the chunks in turn (a large export never exists as one string); UTF-8 for text. */
export async function writeChunksAtomic(path: string, chunks: Iterable<Chunk> | AsyncIterable<Chunk>): Promise<void> {
  const file = await openAtomicFile(path);
  try {
    for await (const chunk of chunks) await file.write(chunk);
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
}
