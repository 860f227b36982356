import { useState, type ReactNode } from 'react';
import { Tabs } from '../../components/Tabs';
import './sidebar.css';

type Props = { collections: () => ReactNode; history: () => ReactNode; catalog: () => ReactNode };

/** Saved requests, the history and Humanity's endpoint catalog, one tab each, beside the editor. */
export function Sidebar({ collections, history, catalog }: Props) {
  const [tab, setTab] = useState<'collections' | 'history' | 'catalog'>('collections');
  return (
    <nav className="sidebar" aria-label="Sidebar">
      <Tabs
        label="Sidebar sections"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { id: 'collections', label: 'Collections', render: collections },
          { id: 'history', label: 'History', render: history },
          { id: 'catalog', label: 'Catalog', render: catalog },
        ]}
      />
    </nav>
  );
}
