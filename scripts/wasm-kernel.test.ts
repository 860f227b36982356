import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledKernelModule, KERNEL_MODULE, KERNEL_SOURCE } from './wasm-kernel';

const root = resolve(import.meta.dirname, '..');

describe('the body worker’s WebAssembly kernel', () => {
  it('is compiled from its source as it stands (run `npm run wasm` after editing the .wat)', async () => {
    const compiled = await compiledKernelModule(readFileSync(resolve(root, KERNEL_SOURCE), 'utf8'));
    expect(readFileSync(resolve(root, KERNEL_MODULE), 'utf8')).toBe(compiled);
  });
});
