// Open tabs and panel sizes, so the next start looks like the last one.
import { workspaceShape, type Workspace } from '../shared/contract';
import { openDocumentStore, type DocumentStore, type StoreContext } from '../store/document-store';

export const EMPTY_WORKSPACE: Workspace = { tabs: [], activeTabId: null, panelSizes: {} };

export function openWorkspaceStore(ctx: StoreContext): DocumentStore<Workspace> {
  return openDocumentStore(ctx, { name: 'workspace', label: 'Open tabs', version: 1, schema: workspaceShape, defaults: EMPTY_WORKSPACE });
}
