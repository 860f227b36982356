// The `response` channel over the response store (src-main/response/): a kept body's tree rows,
// raw or pretty text, the row of a path and search, one window at a time.
import type { Handlers } from '../shared/contract';
import type { ResponseStore } from '../response/main/response-store';

export function createResponseChannel(responses: Pick<ResponseStore, 'tree' | 'text' | 'rowOf' | 'search'>) {
  return {
    tree: ({ responseId, offset, limit, ...expansion }) => responses.tree(responseId, expansion, offset, limit),
    text: ({ responseId, offset, length, pretty }) => responses.text(responseId, offset, length, pretty),
    rowOf: ({ responseId, path, ...expansion }) => responses.rowOf(responseId, expansion, path),
    search: ({ responseId, query, mode, offset, limit }) => responses.search(responseId, { mode, query }, offset, limit),
  } satisfies Handlers['response'];
}
