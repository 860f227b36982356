// The kept bodies' bytes, in main (docs/architecture.md, "The response pipeline"): in memory while
// they all fit the memory budget (Settings), the least recently used beyond it written to the run's
// temporary folder (spill-folder.ts) and read from there. Using a body (a window, a query, an
// export) makes it the most recently used. At most `maxEntries` bodies are kept: the least recently
// used beyond that is forgotten, its file removed. What the body worker holds parsed is another
// cache (worker-residency.ts), told of every body forgotten here through `onDrop`.
import { AppError } from '../../shared/app-error';
import { byteWindow, sharedCopy, type BodyFacts } from '../shared/body-text';
import { fileChunks, readRange, readShared, type SpillFolder } from './spill-folder';

const EXPORT_CHUNK_BYTES = 1024 * 1024;

export interface BodyCacheOptions {
  spill: Pick<SpillFolder, 'location' | 'write' | 'remove' | 'dispose'>;
  /** Read whenever a body is added: the setting may change. */
  memoryBudgetBytes(): number;
  maxEntries?: number;
  /** Told of each body forgotten: dropped, cleared, or pushed out by maxEntries. */
  onDrop?(id: string): void;
}

/** A kept body as its users see it. */
export interface CachedBody {
  readonly id: string;
  readonly facts: BodyFacts;
  readonly size: number;
}

interface Entry extends CachedBody {
  /** Corrected once when a body told as JSON turns out not to be (notJson). */
  facts: BodyFacts;
  /** In memory, or null once spilled. */
  bytes: Buffer | null;
  file: string | null;
  spilling: boolean;
  /** A spill failed (a full disk): this one stays in memory. */
  pinned: boolean;
}

const notKept = () => new AppError('not_found', 'That response is no longer kept in memory. Send the request again to see it.');

export class BodyCache {
  /** Least recently used first. */
  private readonly entries = new Map<string, Entry>();
  private memory = 0;
  private readonly spills = new Set<Promise<void>>();
  private readonly maxEntries: number;

  constructor(private readonly options: BodyCacheOptions) {
    this.maxEntries = options.maxEntries ?? 16;
  }

  /** Keeps a body (its bytes already blanked of secrets) as the most recently used. */
  add(id: string, facts: BodyFacts, bytes: Buffer): void {
    this.entries.set(id, { id, facts, size: bytes.length, bytes, file: null, spilling: false, pinned: false });
    this.memory += bytes.length;
    while (this.entries.size > this.maxEntries) this.drop(this.entries.keys().next().value as string);
    this.spillBeyondBudget();
  }

  /** How many bodies are kept. */
  get count(): number {
    return this.entries.size;
  }

  /** Bytes of kept bodies in memory: what the budget counts (a body being spilled no longer does). */
  get memoryBytes(): number {
    return this.memory;
  }

  /** The run's folder of spilled bodies, once one was spilled. */
  get spillFolder(): string | null {
    return this.options.spill.location;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** A body, now the most recently used; not_found with a sentence once it is gone. */
  use(id: string): CachedBody {
    return this.touch(id);
  }

  /**
   * A body told as JSON from its first rows whose whole parse in the worker found it is not: its
   * facts say so from now on (response-store.ts); `toldJson` stays, so the worker, loading it
   * again, answers as for a body told early (worker-residency.ts).
   */
  notJson(id: string): void {
    const entry = this.entries.get(id);
    if (entry) entry.facts = { ...entry.facts, isJson: false, head: null };
  }

  /** The characters [offset, offset + length) of a body's text, read from its bytes. */
  async rawText(id: string, offset: number, length: number): Promise<string> {
    const entry = this.find(id);
    const { start, end, skip } = byteWindow(entry.facts.charIndex, entry.size, offset, length);
    const bytes = entry.bytes ? entry.bytes.subarray(start, end) : await readRange(entry.file!, start, end);
    return bytes.toString('utf8').slice(skip, skip + length);
  }

  async readText(id: string): Promise<string> {
    const entry = this.touch(id);
    return (entry.bytes ?? (await readRange(entry.file!, 0, entry.size))).toString('utf8');
  }

  /** The bytes in pieces, for a streamed export. */
  chunks(id: string): Iterable<Uint8Array> | AsyncIterable<Uint8Array> {
    const { bytes, file } = this.touch(id);
    if (!bytes) return fileChunks(file!, EXPORT_CHUNK_BYTES);
    return (function* () {
      for (let at = 0; at < bytes.length; at += EXPORT_CHUNK_BYTES) yield bytes.subarray(at, at + EXPORT_CHUNK_BYTES);
    })();
  }

  /**
   * A body's bytes in memory the body worker can share, from offset 0: read from its file, or its
   * bytes in memory, moved into shared memory once (kept there, so the next load copies nothing).
   */
  async sharedBytes(id: string): Promise<Buffer> {
    const entry = this.find(id);
    if (!entry.bytes) return readShared(entry.file!, entry.size);
    const bytes = inSharedMemory(entry.bytes);
    if (!entry.spilling) entry.bytes = bytes;
    return bytes;
  }

  drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    if (entry.bytes && !entry.spilling) this.memory -= entry.size;
    if (entry.file) void this.options.spill.remove(entry.file);
    this.options.onDrop?.(id);
  }

  /** Forgets every body (sign-out). */
  clear(): void {
    for (const id of [...this.entries.keys()]) this.drop(id);
  }

  /** Resolves when the spills under way are written (tests, and before measuring memory). */
  async settled(): Promise<void> {
    while (this.spills.size) await Promise.all(this.spills);
  }

  /** Forgets everything and removes the temporary folder. */
  async dispose(): Promise<void> {
    this.clear();
    await this.settled();
    this.options.spill.dispose();
  }

  private find(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw notKept();
    return entry;
  }

  /** Most recently used last. */
  private touch(id: string): Entry {
    const entry = this.find(id);
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }

  private spillBeyondBudget(): void {
    const budget = this.options.memoryBudgetBytes();
    for (const entry of this.entries.values()) {
      if (this.memory <= budget) return;
      if (entry.bytes && !entry.spilling && !entry.pinned) this.track(this.spill(entry));
    }
  }

  private async spill(entry: Entry): Promise<void> {
    entry.spilling = true;
    this.memory -= entry.size;
    try {
      const file = await this.options.spill.write(`${entry.id}.body`, entry.bytes!);
      if (!this.entries.has(entry.id)) return void (await this.options.spill.remove(file));
      entry.file = file;
      entry.bytes = null;
    } catch {
      // A full or read-only temp disk: keep it in memory rather than lose it.
      entry.pinned = true;
      if (this.entries.has(entry.id)) this.memory += entry.size;
    } finally {
      entry.spilling = false;
    }
  }

  private track(spill: Promise<void>): void {
    this.spills.add(spill);
    void spill.finally(() => this.spills.delete(spill));
  }
}

/** The bytes in memory the worker can share (from offset 0): as they are when they already are. */
export function inSharedMemory(bytes: Buffer): Buffer {
  return bytes.buffer instanceof SharedArrayBuffer && bytes.byteOffset === 0 ? bytes : sharedCopy(bytes);
}
