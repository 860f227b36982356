// Compiles the body worker's WebAssembly kernel (src-main/response/shared/text-kernel.wat) into a
// module of its bytes, so the app needs neither a compiler nor a file to load at run time. Run
// `npm run wasm` after editing the .wat; a unit test checks that the module holds what it compiles to.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compiledKernelModule, KERNEL_MODULE, KERNEL_SOURCE } from './wasm-kernel';

const root = resolve(import.meta.dirname, '..');
writeFileSync(resolve(root, KERNEL_MODULE), await compiledKernelModule(readFileSync(resolve(root, KERNEL_SOURCE), 'utf8')));
console.log(`Wrote ${KERNEL_MODULE}`);
