// What crosses the e2e harness's Playwright binding in place of Electron's IPC (launch-app.ts).
/**
 * How an answer crosses the binding. Playwright hands a returned object over as a tree of tagged
 * values that the page rebuilds node by node: for an answer carrying rows, several milliseconds
 * that Electron's IPC does not spend. JSON text crosses as one string and the page parses it
 * natively; for a value made only of plain objects, arrays, strings, booleans, null and finite
 * numbers, parsing its JSON gives what structured cloning it (Electron's IPC) gives. Any other
 * value (undefined, -0, a Date, a Buffer, a class instance...) goes over as before
 * (docs/architecture.md, "Testing without Electron").
 */
export function toWire(output: unknown): { json: string } | { value: unknown } {
  let plain = true;
  let json: string | undefined;
  try {
    json = JSON.stringify(output, function (this: Record<string, unknown>, key, value: unknown) {
      // `this[key]` is the value before any toJSON (a Date's), which is what is judged.
      if (!isPlainJson(this[key])) plain = false;
      return value;
    });
  } catch {
    plain = false;
  }
  return plain && json !== undefined ? { json } : { value: output };
}

function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
