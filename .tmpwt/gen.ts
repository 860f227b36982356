import { Org } from '../src-main/sandbox/org-state';
import { generatedShifts } from '../src-main/sandbox/shift-generator';
import { shiftView } from '../src-main/sandbox/views';
const org = new Org('a@b', 0);
const target = Number(process.argv[2] ?? 50) * 1024 * 1024;
const parts: string[] = [];
let size = 0;
let t = performance.now();
for (let day = 20000; size < target; day++) {
  for (const s of generatedShifts(day)) { const j = JSON.stringify(shiftView(org, s, 'list')); parts.push(j); size += j.length + 1; }
}
const text = `{"status":1,"data":[${parts.join(',')}],"metadata":[],"token":"abc","error":null}`;
console.log('gen ms', performance.now() - t, 'shifts', parts.length, 'bytes', text.length);
const buf = Buffer.from(text);
(globalThis as any).gc?.();
const m0 = process.memoryUsage();
t = performance.now(); const s2 = new TextDecoder().decode(buf); console.log('decode ms', performance.now() - t);
t = performance.now(); const v = JSON.parse(s2); console.log('parse ms', performance.now() - t);
(globalThis as any).gc?.();
const m1 = process.memoryUsage();
console.log('heap delta MB', (m1.heapUsed - m0.heapUsed) / 1048576);
t = performance.now(); for (let i = 0; i < 4; i++) buf.indexOf('0123456789abcdef0123456789abcdef01234567'); console.log('4 indexOf ms', performance.now() - t);
t = performance.now(); let n = 0; const walk = (x: any) => { n++; if (x && typeof x === 'object') for (const k in x) walk(x[k]); }; walk(v); console.log('walk ms', performance.now() - t, 'nodes', n);
t = performance.now(); const p = JSON.stringify(v, null, 2); console.log('pretty ms', performance.now() - t, p.length);
console.log(s2.length, v.data.length);
