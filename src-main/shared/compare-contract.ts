// The schemas of the `compare` channels: two kept responses compared in the body worker, the
// result paged to the window (docs/architecture.md, "Comparing responses"). Imported by
// contract.ts; no `electron` and no `node:*` imports here.
import { z } from 'zod';

const shortId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be a short identifier');

/** Rows per `compare:page` call. */
const COMPARE_PAGE_MAX = 500;
const COMPARE_GROUPS = ['added', 'removed', 'changed'] as const;
const COMPARE_FILTERS = ['all', ...COMPARE_GROUPS] as const;
/**
 * What one row says. `added` / `removed`: a whole record (or, compared path by path, a value)
 * only on one side; the others are fields of a record on both sides.
 */
const CHANGE_KINDS = ['added', 'removed', 'changed', 'type changed', 'field added', 'field removed'] as const;

/** One side of a comparison: a response kept in main, or a history entry whose body was kept. */
const compareSource = z.union([z.object({ responseId: shortId }).strict(), z.object({ historyId: shortId }).strict()]);
export type CompareSource = z.infer<typeof compareSource>;

export const compareStartInput = z
  .object({
    before: compareSource,
    after: compareSource,
    /** The record field that matches records; null: `id` when the records have one. */
    key: z.string().max(256).nullable(),
  })
  .strict();

const compareCounts = z.object({
  added: z.number(),
  removed: z.number(),
  changed: z.number(),
  unchanged: z.number(),
  /** Rows of the result: one per changed field, and one per record added or removed. */
  rows: z.number(),
});

export const compareSummary = z.object({
  compareId: z.string(),
  /** The kept responses compared (a history entry's is loaded for it), for "show in the tree". */
  beforeId: z.string(),
  afterId: z.string(),
  /** `records`: arrays of records matched by key; `paths`: the two values compared path by path. */
  mode: z.enum(['records', 'paths']),
  /** Where the records are in both bodies (a JSON Pointer: "" the root, "/data" the envelope's data). */
  recordsPath: z.string().nullable(),
  key: z.string().nullable(),
  /** Fields every sampled record has with a string or number: what may be chosen as the key. */
  keyOptions: z.array(z.string()),
  beforeRecords: z.number(),
  afterRecords: z.number(),
  /** Keys that more than one record holds on a side: their records were matched in order. */
  duplicateKeys: z.number(),
  counts: compareCounts,
  /** True when there were more differences than the result keeps (the counts stay exact). */
  capped: z.boolean(),
});
export type CompareSummary = z.infer<typeof compareSummary>;

const compareRow = z.object({
  index: z.number(),
  group: z.enum(COMPARE_GROUPS),
  kind: z.enum(CHANGE_KINDS),
  /** The record's key; null when compared path by path. */
  key: z.string().nullable(),
  /** The field inside the record (a JSON Pointer, "" for the record itself), or the whole path. */
  path: z.string(),
  /** Where the value is in each body; null on the side that lacks it. */
  beforePath: z.string().nullable(),
  afterPath: z.string().nullable(),
  /** JSON text of each value, shortened for the view; null when the side lacks it. */
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type CompareRow = z.infer<typeof compareRow>;

export const comparePageInput = z
  .object({
    compareId: shortId,
    filter: z.enum(COMPARE_FILTERS),
    query: z.string().max(256),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(COMPARE_PAGE_MAX),
  })
  .strict();
export type ComparePageInput = z.infer<typeof comparePageInput>;

export const comparePage = z.object({ rows: z.array(compareRow), matched: z.number() });
export type ComparePage = z.infer<typeof comparePage>;

export const compareExportInput = z.object({ compareId: shortId, format: z.enum(['csv', 'json']) }).strict();
