import { parentPort } from 'node:worker_threads';
import { pointerChild } from '../src-main/response/json-tree';
const x: number = 1;
parentPort!.on('message', (m: unknown) => parentPort!.postMessage({ got: m, x, p: pointerChild('', 'a/b') }));
