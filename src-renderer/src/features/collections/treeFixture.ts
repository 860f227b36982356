// Collection trees for the unit tests: a node is named after its id (upper-cased), a request node calls GET me.
import type { CollectionNode, SavedRequest } from '@shared/contract';

export const request: SavedRequest = { method: 'GET', path: 'me', query: [], body: { kind: 'none' } };

export const node = (id: string, kind: CollectionNode['kind'], children: CollectionNode[] = []): CollectionNode => ({
  id,
  kind,
  name: id.toUpperCase(),
  description: '',
  variables: [],
  request: kind === 'request' ? request : null,
  children,
});
