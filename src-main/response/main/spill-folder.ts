// Where kept bodies go when they do not fit the memory budget: one folder per run, made on first
// use under the OS temp folder (`humanity-explorer-XXXXXX`, private to the user), and removed on
// dispose and at process exit, so closing the app leaves nothing behind.
import { createReadStream, rmSync } from 'node:fs';
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SPILL_PREFIX = 'humanity-explorer-';

export class SpillFolder {
  private folder: Promise<string> | null = null;
  private made: string | null = null;
  private readonly removeAtExit = () => this.removeNow();

  constructor(private readonly parent = tmpdir()) {}

  /** The folder once made; null before the first spill. */
  get location(): string | null {
    return this.made;
  }

  async write(name: string, bytes: Uint8Array): Promise<string> {
    const file = join(await this.ensure(), name);
    await writeFile(file, bytes, { mode: 0o600 });
    return file;
  }

  async remove(file: string): Promise<void> {
    await rm(file, { force: true });
  }

  /** Removes the folder and everything in it, now (also used at process exit, which cannot wait). */
  dispose(): void {
    process.off('exit', this.removeAtExit);
    this.removeNow();
  }

  private ensure(): Promise<string> {
    this.folder ??= mkdtemp(join(this.parent, SPILL_PREFIX)).then((path) => {
      this.made = path;
      process.on('exit', this.removeAtExit);
      return path;
    });
    return this.folder;
  }

  private removeNow(): void {
    if (this.made) rmSync(this.made, { recursive: true, force: true });
    this.made = null;
    this.folder = null;
  }
}

/** Bytes [start, end) of a file. */
export async function readRange(file: string, start: number, end: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const bytes = Buffer.alloc(Math.max(0, end - start));
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, start + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } finally {
    await handle.close();
  }
}

/** A whole file in memory the body worker can share. */
export async function readShared(file: string, size: number): Promise<Buffer> {
  const bytes = Buffer.from(new SharedArrayBuffer(size));
  const handle = await open(file, 'r');
  try {
    for (let read = 0; read < size; ) {
      const { bytesRead } = await handle.read(bytes, read, size - read, read);
      if (bytesRead === 0) throw new Error(`${file} is shorter than ${size} bytes.`);
      read += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

/** A file in pieces, for streamed exports. */
export function fileChunks(file: string, chunkBytes: number): AsyncIterable<Buffer> {
  return createReadStream(file, { highWaterMark: chunkBytes });
}
