import { useEffect, useRef, type KeyboardEvent } from 'react';
import { ariaShortcut, isMac, shortcutLabel } from '../../app/commands';
import { usePendingFocus } from '../../components/usePendingFocus';
import './tabs.css';

export type TabView = {
  id: string;
  method: string;
  title: string;
  unsaved: boolean;
  running: boolean;
};

type Props = {
  tabs: readonly TabView[];
  activeId: string;
  /** The element id of the panel the active tab shows. */
  panelId: string;
  tabId: (id: string) => string;
  onSelect: (id: string) => void;
  /** Asks first when the tab has unsaved changes. */
  onClose: (id: string) => void;
  onNew: () => void;
};

/**
 * The open requests as WAI-ARIA tabs: one tab stop, arrows move and select, Delete closes.
 * The tablist uses `display: contents`, so its tabs and the close buttons (which may not sit
 * inside a tab, nor inside a tablist) share one flex row, ordered tab, close, tab, close…
 */
export function TabStrip({ tabs, activeId, panelId, tabId, onSelect, onClose, onNew }: Props) {
  const strip = useRef<HTMLDivElement>(null);
  const element = (id: string) => strip.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(id))}`) ?? null;

  // The active tab is always in view, however it became active (added, chosen, the other closed);
  // not at every render: scrolling into view lays the page out there and then.
  useEffect(() => {
    element(activeId)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [activeId, tabs.length]);

  const focusWhenShown = usePendingFocus(element);
  function focusTab(id: string) {
    onSelect(id);
    focusWhenShown(id);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const at = tabs.findIndex((tab) => tab.id === activeId);
    const target =
      event.key === 'ArrowRight' ? tabs[(at + 1) % tabs.length]
      : event.key === 'ArrowLeft' ? tabs[(at - 1 + tabs.length) % tabs.length]
      : event.key === 'Home' ? tabs[0]
      : event.key === 'End' ? tabs.at(-1)
      : null;
    if (target) {
      event.preventDefault();
      focusTab(target.id);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      onClose(activeId);
    }
  }

  return (
    <div ref={strip} className="doc-tabs">
      <div role="tablist" aria-label="Open requests" className="doc-tablist" onKeyDown={onKeyDown}>
        {tabs.map((tab, index) => {
          const selected = tab.id === activeId;
          return (
            <button
              key={tab.id}
              id={tabId(tab.id)}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={selected ? panelId : undefined}
              tabIndex={selected ? 0 : -1}
              className={`doc-tab${tab.unsaved ? ' is-unsaved' : ''}`}
              style={{ order: index * 2 }}
              title={`${tab.method} ${tab.title}${tab.unsaved ? ' (unsaved changes)' : ''}`}
              onClick={() => onSelect(tab.id)}
              onAuxClick={(event) => {
                // A middle click closes, as in a browser.
                if (event.button === 1) onClose(tab.id);
              }}
            >
              <span className={`method-badge method-${tab.method}`}>{tab.method}</span>{' '}
              <span className="doc-tab-name">{tab.title}</span>
              {tab.running && <span className="doc-tab-running" aria-hidden="true" />}
              {tab.unsaved && (
                <span className="doc-tab-unsaved" role="img" aria-label="Unsaved changes">
                  •
                </span>
              )}
            </button>
          );
        })}
      </div>
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          type="button"
          // Delete on a tab, or Ctrl+W, closes from the keyboard (the tabs are one tab stop).
          tabIndex={-1}
          className={`doc-tab-close${tab.id === activeId ? ' is-selected' : ''}`}
          style={{ order: index * 2 + 1 }}
          aria-label={`Close ${tab.title}`}
          title={`Close (${shortcutLabel('close-tab', isMac)})`}
          onClick={() => onClose(tab.id)}
        >
          <span aria-hidden="true">×</span>
        </button>
      ))}
      <button
        type="button"
        className="doc-tab-new"
        style={{ order: tabs.length * 2 }}
        aria-label="New tab"
        aria-keyshortcuts={ariaShortcut('new-request')}
        title={`New tab (${shortcutLabel('new-request', isMac)})`}
        onClick={onNew}
      >
        <span aria-hidden="true">+</span>
      </button>
    </div>
  );
}
