// The body worker's byte loops in WebAssembly (text-kernel.wat), one instance per thread: the bytes
// to read are copied into its memory a stretch at a time. `scan` leaves there the events that
// array-scan.ts reads; `units` counts characters for TextTally (body-text.ts).
import { TEXT_KERNEL_WASM } from './text-kernel.wasm';
import { copyBytes } from './byte-copy';

/** Where a scan stands between two stretches of a text. */
export interface ScanState {
  depth: number;
  inString: boolean;
  /** Bytes at the start of the next stretch to pass over (an escaped byte). */
  skip: number;
}

interface KernelExports {
  memory: WebAssembly.Memory;
  scan(bytes: number): number;
  units(bytes: number): number;
  INPUT_BYTES: WebAssembly.Global;
  EVENTS: WebAssembly.Global;
  depth: WebAssembly.Global;
  inString: WebAssembly.Global;
  skip: WebAssembly.Global;
}

/** The zero bytes the kernel reads past a stretch, to the end of its last 16-byte block. */
const PADDING = 16;

export class TextKernel {
  /** The most bytes one call takes. */
  readonly stretchBytes: number;
  /** The last scan's events, two numbers each: the byte's offset in the stretch | the byte << 24, then the depth. */
  readonly events: Int32Array;
  private readonly input: Buffer;

  private constructor(private readonly kernel: KernelExports) {
    const { memory, INPUT_BYTES, EVENTS } = kernel;
    this.stretchBytes = INPUT_BYTES.value as number;
    this.input = Buffer.from(memory.buffer, 0, this.stretchBytes + PADDING);
    this.events = new Int32Array(memory.buffer, EVENTS.value as number, (memory.buffer.byteLength - (EVENTS.value as number)) >> 2);
  }

  /** Scans `stretch` (at most stretchBytes) from `state`, which it moves on; returns how many events it left. */
  scan(stretch: Uint8Array, state: ScanState): number {
    const { kernel } = this;
    this.load(stretch);
    kernel.depth.value = state.depth;
    kernel.inString.value = state.inString ? 1 : 0;
    kernel.skip.value = state.skip;
    const events = kernel.scan(stretch.length);
    this.unload(stretch);
    state.depth = kernel.depth.value as number;
    state.inString = kernel.inString.value === 1;
    state.skip = kernel.skip.value as number;
    return events;
  }

  /** How many UTF-16 units the valid UTF-8 of bytes[from, to) decodes to (the cuts may split characters). */
  units(bytes: Uint8Array, from: number, to: number): number {
    let units = 0;
    for (let at = from; at < to; at += this.stretchBytes) {
      const stretch = bytes.subarray(at, Math.min(to, at + this.stretchBytes));
      this.load(stretch);
      units += this.kernel.units(stretch.length);
      this.unload(stretch);
    }
    return units;
  }

  private load(stretch: Uint8Array): void {
    copyBytes(this.input, 0, stretch);
    this.input.fill(0, stretch.length, stretch.length + PADDING);
  }

  /** Blanks the bytes a call read: no part of a body outlives it here (a few µs per 256 KB). */
  private unload(stretch: Uint8Array): void {
    this.input.fill(0, 0, stretch.length);
  }

  private static instance: TextKernel | null = null;

  /** This thread's kernel, compiled on first use (a few kilobytes: well under a millisecond). */
  static get(): TextKernel {
    TextKernel.instance ??= new TextKernel(new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(TEXT_KERNEL_WASM, 'base64'))).exports as unknown as KernelExports);
    return TextKernel.instance;
  }
}
