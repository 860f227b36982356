import type { CatalogEndpoint } from '@shared/catalog';
import type { CollectionNode, HistoryEntry } from '@shared/contract';
import { Splitter } from '../components/Splitter';
import { CatalogPanel } from '../features/catalog/CatalogPanel';
import { CollectionsPanel } from '../features/collections/CollectionsPanel';
import type { CollectionsModel } from '../features/collections/useCollections';
import { HistoryPanel } from '../features/history/HistoryPanel';
import { Sidebar } from '../features/sidebar/Sidebar';
import type { useWorkspaceLayout } from './useWorkspaceLayout';

type Props = {
  id: string;
  splitter: ReturnType<typeof useWorkspaceLayout>['sidebarSplitter'];
  collections: CollectionsModel;
  /** The saved request and the catalog endpoint the active tab holds. */
  openId: string | null;
  endpointId: string | null;
  onOpenSaved: (node: CollectionNode) => void;
  onOpenHistory: (entry: HistoryEntry) => Promise<string | null>;
  onPickEndpoint: (endpoint: CatalogEndpoint) => void;
};

/** The workspace's sidebar: collections, history and catalog, and the splitter that sizes it. */
export function WorkspaceSidebar({ id, splitter, collections, openId, endpointId, onOpenSaved, onOpenHistory, onPickEndpoint }: Props) {
  return (
    <Sidebar
      id={id}
      width={splitter.value}
      collections={() => <CollectionsPanel model={collections} openId={openId} onOpenRequest={onOpenSaved} />}
      history={() => <HistoryPanel onOpen={onOpenHistory} />}
      catalog={() => <CatalogPanel activeId={endpointId} onPick={onPickEndpoint} />}
      resizer={<Splitter label="Resize sidebar" orientation="vertical" unit="pixels" step={10} controls={id} className="sidebar-splitter" {...splitter} />}
    />
  );
}
