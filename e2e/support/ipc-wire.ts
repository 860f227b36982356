// What crosses the e2e harness's stand-in for Electron's IPC (page-ipc.ts), both ways: a value as
// JSON text, one string, read with the native JSON.parse. Electron's IPC structured-clones; for
// plain data (plain objects, arrays, strings, booleans, null, finite numbers) parsing the JSON
// gives exactly that. What JSON would change but a clone keeps (undefined, an array's holes, -0,
// NaN, ±Infinity) travels as a tagged object that the other side puts back. Anything else (a Date,
// bytes, a Map, a class instance, a function, a bigint) is refused with a sentence: no value of the
// contract holds one, and carrying one differently from Electron would let a test pass that the
// app fails (docs/architecture.md, "Testing without Electron"). Each side is source text, run as
// it is by the page and, compiled here, by this process: one encoder and one decoder for both.

export interface Wire {
  text: string;
  /** Whether the text holds tagged values, which the reader must put back after parsing. */
  tagged: boolean;
}

/** The key of a tagged value; a NUL no JSON the app sends starts a key with. */
const TAG = JSON.stringify('\u0000wire');

/** A value as JSON text that FROM_WIRE_SOURCE turns back into its structured clone; throws what it refuses. */
export const TO_WIRE_SOURCE = `function toWire(value) {
  const refuse = (what) => { throw new Error("The e2e harness's IPC carries plain data only, not " + what + '.'); };
  let tagged = false;
  // Wrapped in a holder, so even a value that is itself tagged has a place to be put back into.
  const text = JSON.stringify({ '': value }, function (key, converted) {
    // this[key] is the value before any toJSON (a Date's), which is what is judged.
    const raw = this[key];
    let tag = null;
    if (Array.isArray(this) && !(key in this)) tag = 'hole';
    else if (raw === undefined) tag = 'undefined';
    else if (Object.is(raw, -0)) tag = '-0';
    else if (typeof raw === 'number' && !Number.isFinite(raw)) tag = String(raw);
    if (tag !== null) {
      tagged = true;
      return { [${TAG}]: tag };
    }
    if (typeof raw === 'bigint' || typeof raw === 'function' || typeof raw === 'symbol') refuse('a ' + typeof raw);
    if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
      const prototype = Object.getPrototypeOf(raw);
      if (prototype !== Object.prototype && prototype !== null) refuse('a ' + ((raw.constructor && raw.constructor.name) || 'class instance'));
      if (Object.hasOwn(raw, ${TAG})) refuse('an object with its own tag as a key');
    }
    return converted;
  });
  return { text, tagged };
}`;

/** Parses the wire and puts tagged values back in place. */
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
      if (!Object.hasOwn(value, ${TAG})) stack.push(value);
      else if (value[${TAG}] === 'hole') delete node[key];
      else node[key] = values[value[${TAG}]];
    }
  }
  return holder[''];
}`;

const compile = <F>(source: string): F => new Function(`return ${source}`)() as F;

/** This process's side: main's answers out, the page's calls in. */
export const toWire = compile<(value: unknown) => Wire>(TO_WIRE_SOURCE);
export const fromWire = compile<(text: string, tagged: boolean) => unknown>(FROM_WIRE_SOURCE);
