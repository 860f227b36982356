import { useState, type ReactNode } from 'react';
import { Tabs } from '../../components/Tabs';
import './sidebar.css';

type Props = {
  collections: () => ReactNode;
  history: () => ReactNode;
  catalog: () => ReactNode;
  id?: string;
  /** In pixels, as the splitter beside it sets it. */
  width?: number;
  /** The splitter on its right edge (inside the navigation landmark, like all content). */
  resizer?: ReactNode;
};

/** Saved requests, the history and Humanity's endpoint catalog, one tab each, beside the editor. */
export function Sidebar({ collections, history, catalog, id, width, resizer }: Props) {
  const [tab, setTab] = useState<'collections' | 'history' | 'catalog'>('collections');
  return (
    <nav id={id} className="sidebar" aria-label="Sidebar" style={width ? { width } : undefined}>
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
      {resizer}
    </nav>
  );
}
