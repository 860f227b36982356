// The workspace channel: open tabs and panel sizes, read at start and saved as they change.
import type { Handlers } from '../shared/contract';
import type { StoreContext } from '../store/document-store';
import { openWorkspaceStore } from './workspace-store';

export function createWorkspaceService({ ctx }: { ctx: StoreContext }) {
  const store = openWorkspaceStore(ctx);
  return {
    get: () => store.read(),
    save(workspace) {
      store.write(workspace);
      return { saved: true };
    },
  } satisfies Handlers['workspace'];
}
