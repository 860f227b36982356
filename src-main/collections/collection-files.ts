// Collection files in and out: Postman Collection v2.1 and the app's own format. Exports are
// scrubbed of credentials; imports are size-checked, detected, mapped and fully validated
// before the caller adds anything, so a bad file changes nothing.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { describeFileError, writeChunksAtomic } from '../export/atomic-file';
import { AppError } from '../shared/app-error';
import { collectionNode, type CollectionNode } from '../shared/contract';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../store/document-store';
import { isBuiltinDateName } from '../variables/builtin-dates';
import { MAX_DEPTH, treeProblem } from './collection-tree';
import { scrubCredentials, withoutReservedNames } from './credential-scrub';
import { fromNativeFile, isNativeFile, toNativeFile } from './native-format';
import { toPostmanCollection } from './postman-export';
import { fromPostmanCollection, isPostmanV1, isPostmanV2, type ImportedCollection } from './postman-import';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
// A file that maps badly could yield thousands of notes; the user needs the gist, not a log.
const MAX_NOTES = 100;

export type CollectionFormat = 'postman' | 'native';

export const COLLECTION_FORMATS: Record<CollectionFormat, { label: string; extension: string; serialize(collection: CollectionNode): unknown }> = {
  postman: { label: 'Postman Collection v2.1', extension: '.postman_collection.json', serialize: toPostmanCollection },
  native: { label: 'Humanity API Explorer collection', extension: '.humanity-collection.json', serialize: toNativeFile },
};

/** Writes the collection, without credential values, whole or not at all. */
export async function writeCollectionFile(path: string, collection: CollectionNode, format: CollectionFormat): Promise<void> {
  const json = `${JSON.stringify(COLLECTION_FORMATS[format].serialize(scrubCredentials(collection)), null, 2)}\n`;
  try {
    await writeChunksAtomic(path, [json]);
  } catch (error) {
    throw new AppError('storage_failed', `Could not write ${path} because ${describeFileError(error)}. Choose another folder or file name and try again.`);
  }
}

export async function readCollectionFile(path: string): Promise<ImportedCollection> {
  const file = basename(path);
  let bytes: Buffer;
  try {
    const { size } = await stat(path);
    if (size > MAX_IMPORT_BYTES) {
      throw new AppError('invalid_file', `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; collection files can be at most 20 MB. Nothing was imported.`);
    }
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('invalid_file', `${file} could not be read (${(error as Error).message}). Nothing was imported.`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('invalid_file', `${file} is not a valid JSON file, so it cannot be a collection. Nothing was imported.`);
  }
  return parseCollectionDocument(doc, file);
}

/** Detects the format and maps the document; throws AppError 'invalid_file' when it cannot. */
export function parseCollectionDocument(doc: unknown, file: string): ImportedCollection {
  const unknownFormat = new AppError(
    'invalid_file',
    `${file} is not a collection this app can read. Export it as Postman Collection v2.1 (Postman, Insomnia and Bruno can), or from Humanity API Explorer. Nothing was imported.`,
  );
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw unknownFormat;
  // Checked before anything walks the document: the mapping, the schema and the tree rules recurse.
  if (nestedDeeperThan(doc, MAX_JSON_DEPTH)) {
    throw new AppError('invalid_file', `${file} is nested too deeply to be a collection this app can read: folders go at most ${MAX_DEPTH} levels deep. Nothing was imported.`);
  }
  const fields = doc as Record<string, unknown>;
  let imported: ImportedCollection;
  if (isNativeFile(fields)) imported = { collection: fromNativeFile(fields), unmapped: [] };
  else if (isPostmanV1(fields)) {
    throw new AppError('invalid_file', `${file} is a Postman Collection v1 file, which the app cannot read. Open it in Postman and export it as Collection v2.1. Nothing was imported.`);
  } else if (isPostmanV2(fields)) imported = fromPostmanCollection(fields);
  else throw unknownFormat;
  return checked(withoutAccessTokens(withoutReservedVariables(imported)), file);
}

/** The app sets access_token itself; the note comes first so the cap on notes never hides it. */
function withoutAccessTokens({ collection, unmapped }: ImportedCollection): ImportedCollection {
  const { node, removed } = withoutReservedNames(collection);
  if (!removed) return { collection, unmapped };
  const s = removed === 1 ? '' : 's';
  const note = `Removed ${removed} query parameter${s}, form field${s} or JSON body field${s} named access_token: the app sets access_token from your session.`;
  return { collection: node, unmapped: [note, ...unmapped] };
}

/** Built-in dates always win over variables, so a variable with such a name would never apply. */
function withoutReservedVariables({ collection, unmapped }: ImportedCollection): ImportedCollection {
  const reserved = collection.variables.filter((row) => isBuiltinDateName(row.name));
  const notes = reserved.map((row) => `Variable "${row.name.trim()}" was not imported: the name is reserved for a built-in date.`);
  return { collection: { ...collection, variables: collection.variables.filter((row) => !reserved.includes(row)) }, unmapped: [...unmapped, ...notes] };
}

function checked({ collection, unmapped }: ImportedCollection, file: string): ImportedCollection {
  const problem = collectionNode.safeParse(collection).success ? treeProblem(collection, 1, new Set()) : 'It holds more items, or longer values, than the app can store.';
  if (problem) throw new AppError('invalid_file', `${file} cannot be imported. ${problem} Nothing was imported.`);
  const shown = unmapped.length > MAX_NOTES ? [...unmapped.slice(0, MAX_NOTES - 1), `…and ${unmapped.length - MAX_NOTES + 1} more items that were not imported.`] : unmapped;
  return { collection, unmapped: shown };
}
