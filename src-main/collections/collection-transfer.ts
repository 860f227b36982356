// A collection to and from a file the user picks in the native dialogs; reading, writing and the
// formats are collection-files.ts.
import { AppError } from '../shared/app-error';
import type { CollectionNode } from '../shared/contract';
import type { NativeDialogs } from '../ports/native';
import { COLLECTION_FORMATS, readCollectionFile, writeCollectionFile, type CollectionFormat } from './collection-files';
import type { ImportedCollection } from './postman-import';

/** Asks where, then writes the collection; `{saved: false}` when the user cancelled. */
export async function exportCollection(dialogs: Pick<NativeDialogs, 'saveFile'>, node: CollectionNode, format: CollectionFormat): Promise<{ saved: boolean; path: string }> {
  if (node.kind !== 'collection') throw new AppError('invalid_input', 'Only a whole collection can be exported. Choose the collection that holds this item.');
  const path = await dialogs.saveFile({
    title: 'Export collection',
    defaultName: `${fileSafe(node.name)}${COLLECTION_FORMATS[format].extension}`,
    filters: [{ name: COLLECTION_FORMATS[format].label, extensions: ['json'] }],
  });
  if (!path) return { saved: false, path: '' };
  await writeCollectionFile(path, node, format);
  return { saved: true, path };
}

/** The collection in the file the user picks, checked whole; null when the user cancelled. */
export async function pickCollectionFile(dialogs: Pick<NativeDialogs, 'openFile'>): Promise<ImportedCollection | null> {
  const path = await dialogs.openFile({
    title: 'Import collection',
    filters: [{ name: 'Collections (Postman v2.1, Insomnia, Bruno or Humanity API Explorer)', extensions: ['json'] }],
  });
  return path ? readCollectionFile(path) : null;
}

/** A file name the common file systems accept, from what the user named the collection. */
export function fileSafe(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[.\s]+|[.\s]+$/g, '') || 'collection';
}
