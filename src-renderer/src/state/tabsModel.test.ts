import { describe, expect, it } from 'vitest';
import type { ResponseSummary } from '@shared/contract';
import { withPathText } from '../features/explorer/draft';
import { blankEditor, openedEditor, type EditorState } from '../features/explorer/editorState';
import {
  addTab,
  closeTab,
  cycle,
  fromWorkspace,
  initialTabs,
  isUntouched,
  MAX_TABS,
  newTab,
  NO_RESPONSE,
  openEditor,
  tabTitle,
  toWorkspace,
  updateTab,
  withoutResponses,
  type TabsState,
} from './tabsModel';

const saved = (id: string, path: string): EditorState =>
  openedEditor({ method: 'GET', path, query: [], body: { kind: 'none' } }, { id, collectionId: 'c1', name: `Saved ${id}` });
const typed = (path: string): EditorState => {
  const editor = blankEditor();
  return { ...editor, draft: withPathText(editor.draft, path) };
};
const summary = { responseId: 'r1' } as ResponseSummary;

describe('tabs', () => {
  it('adds after the active tab, cycles round, and closes to the right (never to none)', () => {
    let state = initialTabs();
    const first = state.activeId;
    state = addTab(state);
    const second = state.activeId;
    state = addTab({ ...state, activeId: first });
    expect(state.tabs.map((tab) => tab.id).indexOf(state.activeId)).toBe(1);
    expect(state.tabs.at(-1)!.id).toBe(second);
    expect(cycle(state, 1).activeId).toBe(second);
    expect(cycle(cycle(state, 1), 1).activeId).toBe(first);
    expect(cycle(state, -1).activeId).toBe(first);
    const closed = closeTab(state, state.activeId);
    expect(closed.activeId).toBe(second);
    const last = closeTab(closeTab(closed, first), second);
    expect(last.tabs).toHaveLength(1);
    expect(last.tabs[0]!.editor.draft.path).toBe('');
  });

  it('opens in the tab holding the saved request, else the untouched active tab, else a new tab', () => {
    let state: TabsState = initialTabs();
    const blank = state.activeId;
    let opened = openEditor(state, saved('a', 'me'))!;
    expect(opened.tabId).toBe(blank);
    state = opened.state;
    // Untouched (as saved, nothing sent): the next request replaces it.
    opened = openEditor(state, saved('b', 'positions'))!;
    expect(opened.tabId).toBe(blank);
    state = updateTab(opened.state, blank, (tab) => ({ ...tab, sent: true, response: { ...NO_RESPONSE, summary } }));
    expect(isUntouched(state.tabs[0]!)).toBe(false);
    opened = openEditor(state, saved('c', 'locations'))!;
    expect(opened.tabId).not.toBe(blank);
    expect(opened.state.tabs).toHaveLength(2);
    // Already open: focused, not opened twice.
    opened = openEditor(opened.state, saved('b', 'positions'))!;
    expect(opened.tabId).toBe(blank);
    expect(opened.state.activeId).toBe(blank);
    expect(opened.state.tabs).toHaveLength(2);
  });

  it('an edited tab is not untouched; with MAX_TABS tabs open nothing new opens', () => {
    const edited = newTab(typed('employees'));
    expect(isUntouched(edited)).toBe(false);
    let state: TabsState = { tabs: [edited], activeId: edited.id };
    for (let i = 1; i < MAX_TABS; i += 1) state = addTab(state, newTab(typed(`p${i}`)));
    expect(openEditor(state, saved('x', 'me'))).toBeNull();
  });

  it('names a tab by its saved request, its catalog endpoint, or Untitled request', () => {
    expect(tabTitle(saved('a', 'me'))).toBe('Saved a');
    expect(tabTitle(saved('a', 'me'), 'Renamed')).toBe('Renamed');
    expect(tabTitle(blankEditor())).toBe('Untitled request');
  });

  it('forgets every response and "sent" mark, keeping the requests and the active tab', () => {
    const state = addTab(initialTabs(), { ...newTab(typed('me')), sent: true, response: { ...NO_RESPONSE, summary } });
    const cleared = withoutResponses(state);
    expect(cleared.activeId).toBe(state.activeId);
    expect(cleared.tabs.map((tab) => tab.editor)).toEqual(state.tabs.map((tab) => tab.editor));
    expect(cleared.tabs.every((tab) => tab.response === NO_RESPONSE && !tab.sent)).toBe(true);
  });
});

describe('the workspace file', () => {
  it('keeps requests, the saved version and the active tab, not responses', () => {
    let state: TabsState = openEditor(initialTabs(), saved('a', 'me'))!.state;
    const savedTab = state.activeId;
    state = updateTab(state, savedTab, (tab) => ({
      ...tab,
      editor: { ...tab.editor, draft: withPathText(tab.editor.draft, 'me?fields=id') },
      response: { ...NO_RESPONSE, summary },
    }));
    state = addTab(state, newTab(typed('positions')));
    const workspace = toWorkspace(state, { sidebarWidth: 320 });
    expect(JSON.stringify(workspace)).not.toContain('r1');
    expect(workspace.panelSizes).toEqual({ sidebarWidth: 320 });
    expect(workspace.tabs[0]).toMatchObject({ title: 'Saved a', savedId: 'a', collectionId: 'c1', request: { path: 'me', query: [{ name: 'fields', value: 'id', enabled: true }] } });

    const restored = fromWorkspace(workspace)!;
    expect(restored.activeId).toBe(state.activeId);
    expect(restored.tabs.map((tab) => tab.editor.draft.path)).toEqual(['me', 'positions']);
    expect(restored.tabs[0]!.editor.origin).toEqual({ id: 'a', collectionId: 'c1', name: 'Saved a' });
    // Still unsaved after the restart; the untitled tab too (never sent).
    expect(restored.tabs.map(isUntouched)).toEqual([false, false]);
    expect(restored.tabs.every((tab) => tab.response.summary === null)).toBe(true);
  });

  it('has nothing to restore from an empty file, and survives an unknown active tab', () => {
    expect(fromWorkspace({ tabs: [], activeTabId: null, panelSizes: {} })).toBeNull();
    const workspace = toWorkspace(initialTabs(), {});
    const restored = fromWorkspace({ ...workspace, activeTabId: 'gone' })!;
    expect(restored.activeId).toBe(restored.tabs[0]!.id);
  });
});
