import { useId, useMemo, useRef, useState } from 'react';
import { CATALOG, catalogCounts, groupByResource, searchCatalog, type CatalogEndpoint, type Confidence } from '@shared/catalog';
import { moveFocusInList } from '../../components/listKeys';
import { SearchField } from '../../components/SearchField';
import { CONFIDENCE_ORDER, CONFIDENCE_WORDS, ConfidenceBadge } from './ConfidenceBadge';
import './catalog.css';

type Props = {
  /** The endpoint the editor holds, marked as current. */
  activeId: string | null;
  onPick: (endpoint: CatalogEndpoint) => void;
};

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Every catalogued Humanity endpoint, searchable and grouped by resource; picking one fills the editor. */
export function CatalogPanel({ activeId, onPick }: Props) {
  const ids = useId();
  const [query, setQuery] = useState('');
  const hits = useMemo(() => searchCatalog(query), [query]);
  const groups = useMemo(() => groupByResource(hits), [hits]);
  const list = useRef<HTMLDivElement>(null);
  // One tab stop for the whole list; arrows move between endpoints.
  const [tabStop, setTabStop] = useState<string | null>(null);
  const tabbable = hits.some((endpoint) => endpoint.id === tabStop) ? tabStop : (groups[0]?.endpoints[0]?.id ?? null);

  const counts = catalogCounts(hits);
  // Each entry is described by its path and by the legend's sentence for its confidence tag.
  const meaningId = (confidence: Confidence) => `${ids}-meaning-${confidence}`;

  return (
    <div className="catalog-panel">
      <div className="sidebar-toolbar">
        <SearchField label="Search endpoints" value={query} onChange={setQuery} className="grow" />
      </div>
      <p className="catalog-count" role="status">
        {hits.length === 0
          ? `No endpoint matches “${query.trim()}”.`
          : query.trim()
            ? `${plural(hits.length, 'endpoint')} of ${CATALOG.length}`
            : `${plural(hits.length, 'endpoint')}: ${CONFIDENCE_ORDER.map((confidence) => `${counts[confidence]} ${CONFIDENCE_WORDS[confidence].label}`).join(', ')}`}
      </p>
      <div ref={list} className="sidebar-scroll catalog-list" onKeyDown={(event) => moveFocusInList(event, list.current, 'button.catalog-entry')}>
        {groups.map((group) => (
          <section key={group.resource} aria-labelledby={`${ids}-${group.resource}`} className="catalog-group">
            <h3 id={`${ids}-${group.resource}`} className="catalog-group-title">
              {group.label}
            </h3>
            <ul>
              {group.endpoints.map((endpoint) => (
                // The button's name is its visible label (method and title); the path and the
                // confidence tag sit beside it in the row, and the path and what the tag means
                // describe it. The whole row clicks.
                <li key={endpoint.id} className={`catalog-item${endpoint.id === activeId ? ' is-current' : ''}`}>
                  <button
                    type="button"
                    className="catalog-entry"
                    aria-describedby={`${ids}-${endpoint.id}-path ${meaningId(endpoint.confidence)}`}
                    aria-current={endpoint.id === activeId ? 'true' : undefined}
                    title={`${endpoint.title} — ${endpoint.purpose}`}
                    tabIndex={endpoint.id === tabbable ? 0 : -1}
                    onFocus={() => setTabStop(endpoint.id)}
                    onClick={() => onPick(endpoint)}
                  >
                    <span className={`method-badge method-${endpoint.method}`}>{endpoint.method}</span>{' '}
                    <span className="catalog-entry-title">{endpoint.title}</span>
                  </button>
                  <span id={`${ids}-${endpoint.id}-path`} className="catalog-entry-path mono">
                    {endpoint.path}
                  </span>
                  <ConfidenceBadge confidence={endpoint.confidence} />
                </li>
              ))}
            </ul>
          </section>
        ))}
        <section className="catalog-legend" aria-labelledby={`${ids}-legend`}>
          <h3 id={`${ids}-legend`} className="catalog-group-title">
            How sure we are
          </h3>
          <dl>
            {CONFIDENCE_ORDER.map((confidence) => (
              <div key={confidence}>
                <dt>
                  <ConfidenceBadge confidence={confidence} />
                </dt>
                <dd id={meaningId(confidence)}>{CONFIDENCE_WORDS[confidence].meaning}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </div>
  );
}
