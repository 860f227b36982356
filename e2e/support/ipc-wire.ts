// What crosses the e2e harness's stand-in for Electron's IPC (page-ipc.ts): a value as JSON text,
// one string each way, read by the page with its native JSON.parse. Electron's IPC structured-
// clones; for plain data (plain objects, arrays, strings, booleans, null, finite numbers) parsing
// the JSON gives exactly that. What JSON would change but a clone keeps (undefined, an array's
// holes, -0, NaN, ±Infinity) travels as a tagged object that the page puts back
// (FROM_WIRE_SOURCE). Anything else (a Date, bytes, a Map, a class instance, a function, a
// bigint) is refused with a sentence: no answer of the contract holds one, and carrying one
// differently from Electron would let a test pass that the app fails (docs/architecture.md,
// "Testing without Electron").

/** The key of a tagged value; a NUL no JSON the app sends starts a key with. */
const TAG = '\u0000wire';

export interface Wire {
  text: string;
  /** Whether the text holds tagged values, which the page must put back after parsing. */
  tagged: boolean;
}

/** A value as the page's JSON.parse, then FROM_WIRE_SOURCE, turns back into its structured clone. */
export function toWire(value: unknown): Wire {
  let tagged = false;
  const text = JSON.stringify({ '': value }, function (this: Record<string, unknown>, key, converted: unknown) {
    // `this[key]` is the value before any toJSON (a Date's), which is what is judged.
    const raw = this[key];
    const tag = tagFor(raw, Array.isArray(this) && !(key in this));
    if (tag !== null) {
      tagged = true;
      return { [TAG]: tag };
    }
    refuseUnclonable(raw);
    return converted;
  });
  return { text, tagged };
}

/** The tag of what JSON would change, or null. */
function tagFor(value: unknown, hole: boolean): string | null {
  if (hole) return 'hole';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) return Object.is(value, -0) ? '-0' : String(value);
  return null;
}

function refuseUnclonable(value: unknown): void {
  if (typeof value === 'bigint' || typeof value === 'function' || typeof value === 'symbol') {
    throw new Error(`The e2e harness's IPC carries plain data only, not a ${typeof value}.`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    throw new Error(`The e2e harness's IPC carries plain data only, not a ${(value as object).constructor?.name ?? 'class instance'}.`);
  }
  if (Object.hasOwn(value, TAG)) throw new Error("The e2e harness's IPC cannot carry an object with its own tag as a key.");
}

/**
 * The page's side, as source text (the page runs it; tests run the same text): parses the wire
 * and puts tagged values back in place. The value is wrapped in a holder, so even a top-level
 * tag has a place to be put back into.
 */
export const FROM_WIRE_SOURCE = `function fromWire(text, tagged) {
  const holder = JSON.parse(text);
  if (!tagged) return holder[''];
  const values = { undefined: undefined, NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };
  const stack = [holder];
  while (stack.length > 0) {
    const node = stack.pop();
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (value === null || typeof value !== 'object') continue;
      if (!Object.hasOwn(value, ${JSON.stringify(TAG)})) stack.push(value);
      else if (value[${JSON.stringify(TAG)}] === 'hole') delete node[key];
      else node[key] = values[value[${JSON.stringify(TAG)}]];
    }
  }
  return holder[''];
}`;
