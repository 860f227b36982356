// Open requests as tabs: each holds its own editor state and its own last response. Pure
// functions over an immutable state, plus the mapping to and from the workspace file.
import { endpointById } from '@shared/catalog';
import type { RequestInput, ResponseSummary, SavedRequest, Workspace } from '@shared/contract';
import { fromSavedRequest, newRequestId, toSavedRequest } from '../features/explorer/draft';
import { blankEditor, hasUnkeptChanges, type EditorState } from '../features/explorer/editorState';

/** The contract allows 50 open tabs in the workspace file. */
export const MAX_TABS = 50;

/**
 * A request is shown as running (Sending…, Cancel, the tab's mark) once it has run this long: an
 * answer quicker than that replaces the last one at once, with no frame of "Sending…" between
 * (bench figure h; docs/architecture.md, "The response pipeline"), as a busy mark should not flash.
 */
export const SHOW_RUNNING_AFTER_MS = 100;

export type RunningRequest = {
  requestId: string;
  startedAt: number;
  /** Shown as running: set SHOW_RUNNING_AFTER_MS after it started, if it still runs. */
  shown: boolean;
};

export type TabResponse = {
  running: RunningRequest | null;
  summary: ResponseSummary | null;
  error: string | null;
  /** Says why no response is shown, e.g. for a history entry whose body was not kept. */
  note: string | null;
  /** The request whose answer was too large to keep: the panel offers to send it again into a file. */
  tooLarge: RequestInput | null;
};

export type OpenTab = {
  id: string;
  editor: EditorState;
  response: TabResponse;
  /** A request was sent from this tab: its response is worth keeping, so opening goes elsewhere. */
  sent: boolean;
};

export type TabsState = { tabs: readonly OpenTab[]; activeId: string };

export const NO_RESPONSE: TabResponse = { running: null, summary: null, error: null, note: null, tooLarge: null };

export function newTab(editor: EditorState = blankEditor(), response: TabResponse = NO_RESPONSE): OpenTab {
  return { id: newRequestId(), editor, response, sent: false };
}

export function initialTabs(): TabsState {
  const tab = newTab();
  return { tabs: [tab], activeId: tab.id };
}

export function activeTab(state: TabsState): OpenTab {
  return state.tabs.find((tab) => tab.id === state.activeId) ?? state.tabs[0]!;
}

/** True when the tab holds nothing that replacing it would lose: no edits, no response of its own, nothing running. */
export function isUntouched(tab: OpenTab): boolean {
  return !tab.sent && tab.response.running === null && !hasUnkeptChanges(tab.editor);
}

/** The tab's name: its saved request's, its catalog endpoint's, or "Untitled request". */
export function tabTitle(editor: EditorState, savedName?: string | null): string {
  if (editor.origin) return savedName ?? editor.origin.name;
  const endpoint = editor.endpointId ? endpointById(editor.endpointId) : null;
  return endpoint?.title ?? 'Untitled request';
}

export function select(state: TabsState, id: string): TabsState {
  return state.tabs.some((tab) => tab.id === id) && id !== state.activeId ? { ...state, activeId: id } : state;
}

/** The next (1) or previous (-1) tab, wrapping around. */
export function cycle(state: TabsState, step: 1 | -1): TabsState {
  const at = state.tabs.findIndex((tab) => tab.id === state.activeId);
  const next = state.tabs[(at + step + state.tabs.length) % state.tabs.length]!;
  return select(state, next.id);
}

/** A new tab right after the active one, made active. */
export function addTab(state: TabsState, tab: OpenTab = newTab()): TabsState {
  const at = state.tabs.findIndex((candidate) => candidate.id === state.activeId);
  const tabs = [...state.tabs];
  tabs.splice(at + 1, 0, tab);
  return { tabs, activeId: tab.id };
}

/** Closes a tab; the one to its right (else its left) becomes active; the last one is replaced by a blank tab. */
export function closeTab(state: TabsState, id: string): TabsState {
  const at = state.tabs.findIndex((tab) => tab.id === id);
  if (at < 0) return state;
  const tabs = state.tabs.filter((tab) => tab.id !== id);
  if (tabs.length === 0) return initialTabs();
  const activeId = state.activeId === id ? tabs[Math.min(at, tabs.length - 1)]!.id : state.activeId;
  return { tabs, activeId };
}

export function updateTab(state: TabsState, id: string, change: (tab: OpenTab) => OpenTab): TabsState {
  let changed = false;
  const tabs = state.tabs.map((tab) => {
    if (tab.id !== id) return tab;
    const next = change(tab);
    changed ||= next !== tab;
    return next;
  });
  return changed ? { ...state, tabs } : state;
}

/** After sign-out main has forgotten every response: so do the tabs (they keep their requests). */
export function withoutResponses(state: TabsState): TabsState {
  return { ...state, tabs: state.tabs.map((tab) => ({ ...tab, response: NO_RESPONSE, sent: false })) };
}

export type OpenPlan = { kind: 'focus' | 'replace' | 'add'; tabId: string } | { kind: 'full' };

/**
 * Where an opened request goes: the tab already holding that saved request, else the active tab
 * if it is untouched, else a new tab (unless 50 are open).
 */
export function planOpen(state: TabsState, originId: string | null): OpenPlan {
  const holding = originId ? state.tabs.find((tab) => tab.editor.origin?.id === originId) : undefined;
  if (holding) return { kind: 'focus', tabId: holding.id };
  const active = activeTab(state);
  if (isUntouched(active)) return { kind: 'replace', tabId: active.id };
  if (state.tabs.length >= MAX_TABS) return { kind: 'full' };
  return { kind: 'add', tabId: '' };
}

/** Opens an editor as planned; `response` is what the tab shows (a history entry's kept one). */
export function openEditor(state: TabsState, editor: EditorState, response: TabResponse = NO_RESPONSE): { state: TabsState; tabId: string } | null {
  const plan = planOpen(state, editor.origin?.id ?? null);
  if (plan.kind === 'full') return null;
  if (plan.kind === 'focus') return { state: select(state, plan.tabId), tabId: plan.tabId };
  if (plan.kind === 'replace') {
    const replaced = updateTab(state, plan.tabId, (tab) => ({ ...tab, editor, response, sent: false }));
    return { state: select(replaced, plan.tabId), tabId: plan.tabId };
  }
  const tab = newTab(editor, response);
  return { state: addTab(state, tab), tabId: tab.id };
}

// ---- the workspace file ----------------------------------------------------------------------

export type PanelSizes = Record<string, number>;

/** Tabs as the workspace file keeps them: the requests, not the responses. */
export function toWorkspace(state: TabsState, panelSizes: PanelSizes): Workspace {
  return {
    tabs: state.tabs.slice(0, MAX_TABS).map((tab) => {
      const { editor } = tab;
      return {
        id: tab.id,
        title: (editor.origin?.name ?? (editor.endpointId ? tabTitle(editor) : '')).slice(0, 256),
        request: toSavedRequest(editor.draft),
        savedId: editor.origin?.id ?? null,
        collectionId: editor.origin?.collectionId ?? null,
        endpointId: editor.endpointId,
        // What the request is compared with for the unsaved marker: as saved, or as last sent.
        savedRequest: editor.baseline,
      };
    }),
    activeTabId: state.activeId,
    panelSizes,
  };
}

const normal = (request: SavedRequest): SavedRequest => toSavedRequest(fromSavedRequest(request));

/** The tabs of a workspace file, or null when it has none. */
export function fromWorkspace(workspace: Workspace): TabsState | null {
  const tabs: OpenTab[] = [];
  const seen = new Set<string>();
  for (const stored of workspace.tabs) {
    if (seen.has(stored.id)) continue;
    seen.add(stored.id);
    const editor: EditorState = {
      draft: fromSavedRequest(stored.request),
      origin: stored.savedId
        ? { id: stored.savedId, collectionId: stored.collectionId ?? stored.savedId, name: stored.title || 'Untitled request' }
        : null,
      baseline: normal(stored.savedRequest ?? stored.request),
      endpointId: stored.endpointId && endpointById(stored.endpointId) ? stored.endpointId : null,
    };
    tabs.push({ id: stored.id, editor, response: NO_RESPONSE, sent: false });
  }
  if (tabs.length === 0) return null;
  const activeId = tabs.some((tab) => tab.id === workspace.activeTabId) ? workspace.activeTabId! : tabs[0]!.id;
  return { tabs, activeId };
}
