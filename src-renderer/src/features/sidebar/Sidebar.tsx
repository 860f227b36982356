import { useState, type ReactNode } from 'react';
import { Tabs } from '../../components/Tabs';
import './sidebar.css';

type Props = { collections: () => ReactNode; history: () => ReactNode };

/** Saved requests and the history, one tab each, beside the editor. */
export function Sidebar({ collections, history }: Props) {
  const [tab, setTab] = useState<'collections' | 'history'>('collections');
  return (
    <nav className="sidebar" aria-label="Sidebar">
      <Tabs
        label="Sidebar sections"
        selected={tab}
        onSelect={setTab}
        tabs={[
          { id: 'collections', label: 'Collections', render: collections },
          { id: 'history', label: 'History', render: history },
        ]}
      />
    </nav>
  );
}
