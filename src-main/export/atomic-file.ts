// Files the app writes for the user (exports, kept history bodies) appear whole or not at all:
// the bytes go to a temporary file in the same folder, which is then renamed over the target.
// A crash or a full disk leaves the previous file (or none), never half of one.
import { randomBytes } from 'node:crypto';
import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

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

/**
 * Streams the chunks to the file with backpressure, so a large export never exists as one string.
 * UTF-8 whatever the chunks contain.
 */
export async function writeChunksAtomic(path: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<void> {
  const temp = tempPathFor(path);
  try {
    await pipeline(Readable.from(chunks), createWriteStream(temp, { encoding: 'utf8', flags: 'wx' }));
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
