// The app's own collection file: the collection exactly as stored, in a versioned envelope, so
// a later version of the app can migrate what an earlier one wrote.
import { AppError } from '../shared/app-error';
import { collectionNode, type CollectionNode } from '../shared/contract';
import { withFreshIds } from './collection-tree';

export const NATIVE_FORMAT = 'humanity-api-explorer-collection';
export const NATIVE_VERSION = 1;

export interface NativeCollectionFile {
  format: typeof NATIVE_FORMAT;
  version: number;
  collection: CollectionNode;
}

export function toNativeFile(collection: CollectionNode): NativeCollectionFile {
  return { format: NATIVE_FORMAT, version: NATIVE_VERSION, collection };
}

export function isNativeFile(doc: Record<string, unknown>): boolean {
  return doc.format === NATIVE_FORMAT;
}

/** The collection in the file, with fresh ids so it never collides with what is already there. */
export function fromNativeFile(doc: Record<string, unknown>): CollectionNode {
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppError('invalid_file', 'This Humanity API Explorer collection file has no valid version number, so it cannot be read. Nothing was imported.');
  }
  if (version > NATIVE_VERSION) {
    throw new AppError('invalid_file', `This collection was exported by a newer version of Humanity API Explorer (format ${version}). Update the app to import it. Nothing was imported.`);
  }
  const parsed = collectionNode.safeParse(doc.collection);
  if (!parsed.success || parsed.data.kind !== 'collection') {
    throw new AppError('invalid_file', 'This Humanity API Explorer collection file is damaged or was edited by hand in a way the app cannot read. Nothing was imported.');
  }
  return withFreshIds(parsed.data);
}
