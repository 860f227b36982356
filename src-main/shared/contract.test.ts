import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, listChannels } from './contract';

const SECRET_NAME = /token|secret|password|authorization|cookie/i;

/** One leaf of a schema: where it sits (field names from the root) and what it holds. */
interface Leaf {
  path: string[];
  type: string;
}

// zod 4 keeps the definition in `schema.def`; only the parts the walk reads are typed here.
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: readonly z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  catchall?: z.ZodType;
  valueType?: z.ZodType;
  items?: readonly z.ZodType[];
  getter?: () => z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

/** Types that can carry any text, so a secret: free strings and anything untyped. */
const FREE_TEXT = new Set(['string', 'template_literal', 'any', 'unknown', 'custom']);
/** Types that cannot carry a secret. */
const CLOSED = new Set(['number', 'boolean', 'enum', 'literal', 'null', 'undefined', 'never', 'bigint', 'date', 'nan', 'void']);

function leaves(schema: z.ZodType, path: string[] = [], seen = new Set<z.ZodType>()): Leaf[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'lazy':
      // Recursive schemas (the collection tree): walk each one once.
      if (seen.has(schema)) return [];
      seen.add(schema);
      return leaves(def.getter!(), path, seen);
    case 'object': {
      const out = Object.entries(def.shape ?? {}).flatMap(([key, child]) => leaves(child, [...path, key], seen));
      const catchall = def.catchall ? defOf(def.catchall).type : 'never';
      // A passthrough/catchall object lets any field through: report it as untyped text.
      if (catchall !== 'never' && def.catchall) out.push(...leaves(def.catchall, [...path, '*'], seen));
      return out;
    }
    case 'array':
      return leaves(def.element!, [...path, '[]'], seen);
    case 'tuple':
      return (def.items ?? []).flatMap((item, i) => leaves(item, [...path, String(i)], seen));
    case 'record':
      return leaves(def.valueType!, [...path, '*'], seen);
    case 'nullable':
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return leaves(def.innerType!, path, seen);
    case 'union':
      return (def.options ?? []).flatMap((option) => leaves(option, path, seen));
    case 'pipe':
      return [...leaves(def.in!, path, seen), ...leaves(def.out!, path, seen)];
    default:
      if (FREE_TEXT.has(def.type) || CLOSED.has(def.type)) return [{ path, type: def.type }];
      throw new Error(`contract.test does not know the zod type "${def.type}" at ${path.join('.') || '(root)'}; teach it.`);
  }
}

/** Leaves that could carry a secret under a secret-sounding field name. */
function suspicious(schema: z.ZodType): string[] {
  return leaves(schema)
    .filter((leaf) => FREE_TEXT.has(leaf.type) && leaf.path.some((key) => SECRET_NAME.test(key)))
    .map((leaf) => `${leaf.path.join('.')} (${leaf.type})`);
}

/** Every object schema inside `schema`, with where it sits. */
function objects(schema: z.ZodType, path: string[] = []): Array<{ path: string; schema: z.ZodType }> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return [
        { path: path.join('.') || '(root)', schema },
        ...Object.entries(def.shape ?? {}).flatMap(([key, child]) => objects(child, [...path, key])),
      ];
    case 'array':
      return objects(def.element!, [...path, '[]']);
    case 'nullable':
    case 'optional':
    case 'default':
    case 'readonly':
      return objects(def.innerType!, path);
    case 'union':
      return (def.options ?? []).flatMap((option, i) => objects(option, [...path, `|${i}`]));
    case 'pipe':
      return [...objects(def.in!, path), ...objects(def.out!, path)];
    default:
      return [];
  }
}

const channels = listChannels();

describe('the walk itself', () => {
  it('finds secret-named text fields at any depth, through arrays, nullables, optionals and unions', () => {
    const probe = z.object({
      accessToken: z.string(),
      nested: z.object({ refresh_token: z.string().nullable() }).optional(),
      list: z.array(z.object({ clientSecret: z.string() })),
      either: z.union([z.object({ Password: z.string() }), z.object({ ok: z.boolean() })]),
      headers: z.array(z.object({ authorization: z.string().optional() })),
      tokens: z.array(z.string()),
      cookieJar: z.unknown(),
      rememberPassword: z.boolean(),
      tokenDelivery: z.enum(['query', 'header']),
      passwordLength: z.number(),
      name: z.string(),
    });
    expect(suspicious(probe).sort()).toEqual(
      [
        'accessToken (string)',
        'nested.refresh_token (string)',
        'list.[].clientSecret (string)',
        'either.Password (string)',
        'headers.[].authorization (string)',
        'tokens.[] (string)',
        'cookieJar (unknown)',
      ].sort(),
    );
  });

  it('treats a passthrough object as able to carry anything', () => {
    const probe = z.object({ secretStuff: z.object({ a: z.number() }).passthrough() });
    expect(suspicious(probe)).toEqual(['secretStuff.* (unknown)']);
  });

  it('refuses to guess about zod types it does not know', () => {
    expect(() => leaves(z.object({ x: z.map(z.string(), z.string()) }))).toThrow(/does not know the zod type/);
  });

  it('reaches deep fields of the real contract', () => {
    const paths = leaves(contract.auth.state.output).map((leaf) => leaf.path.join('.'));
    expect(paths).toContain('session.lastRefresh.message');
    expect(paths).toContain('vault.backend');
    expect(paths).toContain('notices.[]');
    expect(leaves(contract.request.send.output).map((l) => l.path.join('.'))).toContain('headers.[].value');
  });
});

describe('contract', () => {
  it('has channels', () => {
    expect(channels.length).toBeGreaterThan(5);
  });

  it.each(channels)('%s has no output field that could carry a token, secret or password', (_name, spec) => {
    expect(suspicious(spec.output)).toEqual([]);
  });

  it.each(channels)('%s is named domain:verb after its place in the table', (name) => {
    expect(name).toMatch(/^[a-z][a-zA-Z]*:[a-z][a-zA-Z]*$/);
    const [domain, verb] = name.split(':') as [keyof typeof contract, string];
    expect(contract[domain]).toHaveProperty(verb);
  });

  it('lists every entry of the table exactly once', () => {
    const fromTable = Object.entries(contract).flatMap(([domain, verbs]) => Object.keys(verbs).map((verb) => `${domain}:${verb}`));
    expect(channels.map(([name]) => name).sort()).toEqual(fromTable.sort());
    expect(new Set(channels.map(([name]) => name)).size).toBe(channels.length);
  });

  it.each(channels)('%s takes a strict object as input (unknown keys rejected)', (_name, spec) => {
    expect(defOf(spec.input).type).toBe('object');
    const result = spec.input.safeParse({ __unexpected__: 1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((issue) => issue.code === 'unrecognized_keys')).toBe(true);
    const own = spec.input.safeParse(JSON.parse('{"__proto__": {"x": 1}}'));
    expect(own.success).toBe(false);
  });

  it.each(channels)('%s has only strict objects inside its input too', (_name, spec) => {
    const loose = objects(spec.input)
      .filter(({ schema }) => {
        const catchall = defOf(schema).catchall;
        return !catchall || defOf(catchall).type !== 'never';
      })
      .map(({ path }) => path);
    expect(loose).toEqual([]);
  });

  it.each(channels)('%s refuses non-object inputs', (_name, spec) => {
    for (const value of [null, undefined, 'x', 1, [], true]) expect(spec.input.safeParse(value).success).toBe(false);
  });
});
