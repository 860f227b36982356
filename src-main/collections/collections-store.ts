// The collections document on disk: every collection with its folders and saved requests.
import { z } from 'zod';
import { collectionNode, type CollectionNode } from '../shared/contract';
import { openDocumentStore, type DocumentStore, type StoreContext } from '../store/document-store';
import { treeProblem } from './collection-tree';

export interface CollectionsDocument {
  collections: CollectionNode[];
}

// A file that parses but breaks the tree rules (a request at the top level, a duplicated id)
// counts as invalid, so the document store sets it aside instead of the app tripping over it.
const collectionsDocument: z.ZodType<CollectionsDocument> = z
  .object({ collections: z.array(collectionNode).max(10_000) })
  .strict()
  .superRefine((document, issues) => {
    const ids = new Set<string>();
    for (const collection of document.collections) {
      const problem = treeProblem(collection, 1, ids);
      if (problem) issues.addIssue({ code: 'custom', message: problem });
    }
  });

export function openCollectionsStore(ctx: StoreContext): DocumentStore<CollectionsDocument> {
  return openDocumentStore(ctx, {
    name: 'collections',
    label: 'Collections',
    version: 1,
    schema: collectionsDocument,
    defaults: { collections: [] },
  });
}
