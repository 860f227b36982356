import { useEffect, useId, useLayoutEffect, useReducer, useRef, useState } from 'react';
import { endpointById } from '../../../src-main/shared/catalog';
import type { CollectionNode, HistoryEntry, RequestInput, SessionView, Settings } from '../../../src-main/shared/contract';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Splitter } from '../components/Splitter';
import { PullRangePanel } from '../features/bulk/PullRangePanel';
import { dayNumber, isoDay } from '../features/bulk/pullText';
import { useBulkPull } from '../features/bulk/useBulkPull';
import { canPullRange, DATE_PARAMS, keptEndpointId, queryValue } from '../features/catalog/catalogDraft';
import { CatalogPanel } from '../features/catalog/CatalogPanel';
import { EndpointBuilder } from '../features/catalog/EndpointBuilder';
import { CollectionsPanel } from '../features/collections/CollectionsPanel';
import { SaveRequestDialog, type SaveTarget } from '../features/collections/SaveRequestDialog';
import { breadcrumb, pathTo } from '../features/collections/tree';
import { useCollections } from '../features/collections/useCollections';
import { CopyAsCurl } from '../features/export/CopyAsCurl';
import { EditorHeader } from '../features/explorer/EditorHeader';
import { toSavedRequest, type Draft } from '../features/explorer/draft';
import { catalogEditor, hasUnkeptChanges, openedEditor, type EditorState } from '../features/explorer/editorState';
import { RequestEditor, type RequestEditorHandle } from '../features/explorer/RequestEditor';
import { HistoryPanel } from '../features/history/HistoryPanel';
import { ResponsePanel } from '../features/response/ResponsePanel';
import { ConfirmChangeDialog, type PendingWrite } from '../features/safety/ConfirmChangeDialog';
import { Sidebar } from '../features/sidebar/Sidebar';
import { TabStrip } from '../features/tabs/TabStrip';
import { NO_RESPONSE, tabTitle, type OpenTab, type TabResponse } from '../features/tabs/tabsModel';
import type { OpenTabsModel } from '../features/tabs/useOpenTabs';
import { EnvironmentPicker } from '../features/variables/EnvironmentPicker';
import { RequestPreview } from '../features/variables/RequestPreview';
import { useEnvironments } from '../features/variables/useEnvironments';
import { useReportError } from './errorRouting';
import { useCommands } from './useCommands';

type Props = {
  /** The open requests, kept by the App so a trip through the setup screen keeps them. */
  tabs: OpenTabsModel;
  /** Called after every request, successful or not, so the session info is re-read. */
  onRequestSettled: () => void;
  session: SessionView;
  /** Main's settings once read (read-only mode, the group-account company). */
  settings: Settings | null;
  /** Ask before a write to a real account; false after "Don't ask again until I sign out". */
  confirmWrites: boolean;
  onStopConfirmingWrites: () => void;
};

type Message = { tabId: string; tone: 'status' | 'error'; text: string };
/** A tab about to lose unsaved changes: closed, or (with 50 tabs open) replaced by another request. */
type Discard = { tabId: string; kind: 'close' } | { tabId: string; kind: 'replace'; editor: EditorState; response: TabResponse };

/** The work area is side by side from this width (as the response panel's container query). */
const WIDE_FROM = 900;
const EDITOR_MIN_PX = 380;
const RESPONSE_MIN_PX = 300;
const SIDEBAR_MIN = 200;
const SIDEBAR_MAX = 560;

const HISTORY_NOT_KEPT = 'The response to this history entry was not kept. Send the request again to see a response.';

/** The signed-in work area: the sidebar, the open requests as tabs, the request editor and its response. */
export function Workspace({ tabs, onRequestSettled, session, settings, confirmWrites, onStopConfirmingWrites }: Props) {
  const reportError = useReportError();
  const ids = useId();
  const previewId = `${ids}-preview`;
  const pullId = `${ids}-pull`;
  const panelId = `${ids}-tabpanel`;
  const sidebarId = `${ids}-sidebar`;
  const editorPaneId = `${ids}-editor`;
  const tabDomId = (tabId: string) => `${ids}-tab-${tabId}`;
  const [historyVersion, historyChanged] = useReducer((n: number) => n + 1, 0);
  const collections = useCollections();
  const environments = useEnvironments();
  const { roots } = collections;
  const [treeActiveId, setTreeActiveId] = useState<string | null>(null);
  const [saveDialogTab, setSaveDialogTab] = useState<string | null>(null);
  const [discard, setDiscard] = useState<Discard | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  const [pullOpen, setPullOpen] = useState(false);
  const [pendingWrite, setPendingWrite] = useState<{ tabId: string; input: RequestInput; shown: PendingWrite } | null>(null);
  const bulk = useBulkPull();
  const editorRef = useRef<RequestEditorHandle>(null);

  const active = tabs.active;
  const { editor } = active;
  const { origin } = editor;

  /** The saved request a tab holds, as the tree has it now (renamed, moved or deleted since). */
  const savedPlace = (held: EditorState) => {
    const path = held.origin ? pathTo(roots, held.origin.id) : null;
    return { path, node: path?.at(-1) ?? null, collectionId: path?.[0]?.id ?? held.origin?.collectionId ?? null };
  };
  const { path: originPath, node: originNode, collectionId } = savedPlace(editor);
  const endpoint = editor.endpointId ? (endpointById(editor.endpointId) ?? null) : null;
  const shownMessage = message?.tabId === active.id ? message : null;

  // Renames in the tree reach the tabs (and the workspace file) too.
  useEffect(() => {
    if (!collections.loaded) return;
    for (const tab of tabs.tabs) {
      const held = tab.editor.origin;
      const node = held ? pathTo(roots, held.id)?.at(-1) : null;
      if (held && node && node.name !== held.name) {
        tabs.updateEditor(tab.id, (current) => (current.origin ? { ...current, origin: { ...current.origin, name: node.name } } : current));
      }
    }
  }, [roots, collections.loaded, tabs]);

  // ---- focus after tab changes: the new tab's path, or the active tab in the strip ----
  // State, not a ref: it then lands in the same render as the tab change. A ref would also be seen
  // by the previous render's effects, which React may still run first, and focus the tab left behind.
  const [pendingFocus, setPendingFocus] = useState<'path' | 'tab' | null>(null);
  useEffect(() => {
    if (!pendingFocus) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      const element = pendingFocus === 'tab' ? document.getElementById(tabDomId(tabs.activeId)) : null;
      // A dialog closing puts focus back where it was; the new tab's editor may not be there yet.
      if (document.querySelector('dialog[open]') || (pendingFocus === 'path' ? !editorRef.current : !element)) {
        // Given up after half a second or so: a focus arriving much later would surprise.
        if ((tries += 1) < 30) frame = requestAnimationFrame(attempt);
        else setPendingFocus(null);
        return;
      }
      setPendingFocus(null);
      if (pendingFocus === 'path') editorRef.current!.focusPath();
      else element!.focus();
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  });
  /** Where focus goes after the active tab changed: the tab strip if focus was there or got lost. */
  function focusAfterSwitch() {
    const focused = document.activeElement;
    const inStrip = focused instanceof HTMLElement && focused.closest('.doc-tabs') !== null;
    // The editor of the tab left behind unmounts, which would drop focus to the page.
    const inEditor = focused instanceof HTMLElement && focused.closest('.workspace') !== null;
    // "Discard changes" closing the tab: the dialog would give focus back to the closed tab.
    const inDialog = focused instanceof HTMLElement && focused.closest('dialog') !== null;
    if (inStrip || inEditor || inDialog || !focused || focused === document.body) setPendingFocus('tab');
  }

  // ---- opening requests ----

  /** Opens in the tab holding it, the active tab if untouched, else a new tab. */
  function openInTab(next: EditorState, response: TabResponse = NO_RESPONSE) {
    const opened = tabs.open(next, response);
    if (opened) {
      setMessage(null);
      return;
    }
    // 50 tabs open: the active one takes it, once its unsaved work may go.
    const replace = () => tabs.update(active.id, (tab) => ({ ...tab, editor: next, response, sent: false }));
    if (hasUnkeptChanges(editor)) setDiscard({ tabId: active.id, kind: 'replace', editor: next, response });
    else replace();
  }

  function openNode(node: CollectionNode) {
    if (!node.request) return;
    const path = pathTo(roots, node.id);
    openInTab(openedEditor(node.request, { id: node.id, collectionId: path?.[0]?.id ?? node.id, name: node.name }));
  }

  async function openHistory(entry: HistoryEntry): Promise<string | null> {
    const result = await api().history.open({ id: entry.id });
    if (!result.ok) {
      reportError(result.error);
      return result.error.message;
    }
    const { request, summary } = result.data;
    openInTab(openedEditor(request, null), summary ? { ...NO_RESPONSE, summary } : { ...NO_RESPONSE, note: HISTORY_NOT_KEPT });
    return null;
  }

  function newTab() {
    tabs.add();
    setMessage(null);
    setPendingFocus('path');
  }

  // ---- closing ----

  function closeTab(tabId: string) {
    const tab = tabs.get(tabId);
    if (!tab) return;
    if (hasUnkeptChanges(tab.editor)) setDiscard({ tabId, kind: 'close' });
    else forceClose(tabId);
  }

  function forceClose(tabId: string) {
    const tab = tabs.get(tabId);
    if (tab?.response.running) void api().request.cancel({ requestId: tab.response.running.requestId });
    if (tabId === tabs.activeId) focusAfterSwitch();
    tabs.close(tabId);
  }

  // ---- editing and sending ----

  /** Every edit of the draft; the catalog endpoint is kept only while the request still follows it. */
  function editDraft(draft: Draft) {
    setMessage(null);
    tabs.updateEditor(active.id, (current) => ({ ...current, draft, endpointId: keptEndpointId(current.endpointId, draft) }));
  }

  async function run(tabId: string, input: RequestInput) {
    tabs.updateResponse(tabId, (response) => ({
      ...response,
      running: { requestId: input.requestId, startedAt: Date.now() },
      error: null,
      note: null,
      tooLarge: null,
    }));
    const result = await api().request.send(input);
    // A failure keeps the last response: the user still sees what they had while reading the error.
    tabs.updateResponse(tabId, (response) =>
      response.running?.requestId !== input.requestId ? response
      : result.ok ? { ...response, running: null, summary: result.data }
      : { ...response, running: null, error: result.error.message, tooLarge: result.error.code === 'too_large' ? input : null },
    );
    if (!result.ok) reportError(result.error);
    onRequestSettled();
    historyChanged();
  }

  function send(tabId: string, input: RequestInput) {
    const tab = tabs.get(tabId);
    if (!tab) return;
    // Once sent, the request is kept in the history: it is no longer unsaved work.
    const { requestId: _, ...sent } = input;
    tabs.update(tabId, (current) => ({
      ...current,
      sent: true,
      editor: current.editor.origin ? current.editor : { ...current.editor, baseline: sent },
    }));
    void run(tabId, { ...input, collectionId: savedPlace(tab.editor).collectionId });
  }

  /**
   * A POST, PUT, PATCH or DELETE to a real account waits for "Confirm change", which names it as it
   * will be sent (variables filled in). Read-only mode needs no question: main refuses and says so.
   */
  async function sendOrConfirm(input: RequestInput) {
    const tabId = active.id;
    if (input.method === 'GET' || session.sandbox || !confirmWrites || settings?.readOnly) return send(tabId, input);
    const { requestId: _, ...request } = input;
    const preview = await api().variables.preview({ request, collectionId });
    // A variable without a value stops the request in main, which says which: nothing to confirm.
    if (preview.ok && preview.data.unresolved.length > 0) return send(tabId, input);
    const resolved = preview.ok ? preview.data.request : request;
    const url = preview.ok ? preview.data.url : `/api/v2/${request.path}`;
    const body = resolved.body;
    setPendingWrite({
      tabId,
      input,
      shown: {
        method: input.method,
        path: url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, ''),
        body:
          body.kind === 'json' ? body.text
          : body.kind === 'form' ? body.fields.filter((field) => field.enabled).map((field) => `${field.name}=${field.value}`).join('\n')
          : '',
      },
    });
  }

  function cancel() {
    const running = active.response.running;
    if (running) void api().request.cancel({ requestId: running.requestId });
  }

  // ---- saving ----

  async function save() {
    const tabId = active.id;
    const parent = originPath?.at(-2);
    if (!originNode || !parent) {
      setSaveDialogTab(tabId);
      return;
    }
    const request = toSavedRequest(editor.draft);
    const result = await collections.run(
      api().collections.saveRequest({
        id: originNode.id,
        parentId: parent.id,
        name: originNode.name,
        description: originNode.description,
        request,
      }),
    );
    if (!result.ok) return setMessage({ tabId, tone: 'error', text: result.error.message });
    tabs.updateEditor(tabId, (current) => (current.origin?.id === originNode.id ? { ...current, baseline: request } : current));
    setMessage({ tabId, tone: 'status', text: 'Saved' });
  }

  async function saveNew(target: SaveTarget): Promise<string | null> {
    const tab = saveDialogTab ? tabs.get(saveDialogTab) : null;
    if (!tab) return 'The request was closed.';
    let parentId: string;
    if ('newCollection' in target) {
      const created = await collections.run(api().collections.create({ parentId: null, kind: 'collection', name: target.newCollection }));
      if (!created.ok) return created.error.message;
      parentId = created.data.id;
    } else parentId = target.parentId;
    const request = toSavedRequest(tab.editor.draft);
    const result = await collections.run(
      api().collections.saveRequest({ id: null, parentId, name: target.name, description: target.description, request }),
    );
    if (!result.ok) return result.error.message;
    const path = pathTo(result.data.collections, result.data.id) ?? [];
    tabs.updateEditor(tab.id, (current) => ({
      ...current,
      origin: { id: result.data.id, collectionId: path[0]?.id ?? parentId, name: target.name },
      baseline: request,
    }));
    setMessage({ tabId: tab.id, tone: 'status', text: 'Saved' });
    return null;
  }

  // ---- find in response ----

  function findInResponse() {
    // The response panel answers this event by focusing its own search (and prevents the default).
    const event = new CustomEvent('hae:find-in-response', { cancelable: true });
    window.dispatchEvent(event);
    if (event.defaultPrevented) return;
    const panel = document.querySelector<HTMLElement>('.workspace .response-panel');
    if (!panel) return;
    const shown = (element: Element) => element.getClientRects().length > 0;
    const search = [...panel.querySelectorAll<HTMLInputElement>('input[type="search"], [role="searchbox"]')].find(shown);
    if (search) {
      search.focus();
      if (search instanceof HTMLInputElement) search.select();
      return;
    }
    // No search box: the body view itself (tree or raw text), else the view's tab.
    const view = [...panel.querySelectorAll<HTMLElement>('[role="tabpanel"]')].find(shown);
    const target =
      view?.querySelector<HTMLElement>('[tabindex="0"], [role="tree"], button, input, select, textarea') ??
      panel.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    target?.focus();
  }

  useCommands({
    send: () => editorRef.current?.send(),
    save: () => void save(),
    'new-request': newTab,
    'focus-path': () => editorRef.current?.focusPath(),
    'find-in-response': findInResponse,
    'close-tab': () => closeTab(tabs.activeId),
    'next-tab': () => {
      focusAfterSwitch();
      tabs.cycle(1);
    },
    'previous-tab': () => {
      focusAfterSwitch();
      tabs.cycle(-1);
    },
  });

  // ---- panel sizes ----

  const shell = useRef<HTMLDivElement>(null);
  const split = useRef<HTMLDivElement>(null);
  const [areaSize, setAreaSize] = useState<{ width: number; height: number }>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = split.current;
    if (!element) return;
    const measure = () => setAreaSize({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const wide = areaSize.width === 0 || areaSize.width >= WIDE_FROM;
  const sidebarMax = Math.max(SIDEBAR_MIN, Math.min(SIDEBAR_MAX, Math.round(window.innerWidth / 2)));
  const sidebarWidth = clamp(tabs.panelSizes.sidebarWidth ?? (window.innerWidth <= 960 ? 240 : 290), SIDEBAR_MIN, sidebarMax);
  const splitKey = wide ? 'editorWidth' : 'editorHeight';
  // The pane lengths: the grid less its padding and the splitter.
  const splitLength = Math.max(1, (wide ? areaSize.width : areaSize.height) - 36);
  const splitMin = Math.min(50, Math.max(20, Math.ceil(((wide ? EDITOR_MIN_PX : 160) / splitLength) * 100)));
  const splitMax = Math.max(50, Math.min(80, Math.floor(100 - ((wide ? RESPONSE_MIN_PX : 240) / splitLength) * 100)));
  const editorShare = clamp(tabs.panelSizes[splitKey] ?? 45, splitMin, splitMax);
  const splitTemplate = `minmax(0, ${editorShare}fr) 12px minmax(0, ${100 - editorShare}fr)`;

  // ---- what the tabs show ----

  const tabViews = tabs.tabs.map((tab: OpenTab) => {
    const held = tab.editor.origin ? savedPlace(tab.editor).node : null;
    return {
      id: tab.id,
      method: tab.editor.draft.method,
      title: tabTitle(tab.editor, held?.name),
      unsaved: hasUnkeptChanges(tab.editor),
      running: tab.response.running !== null,
    };
  });
  const activeTitle = tabTitle(editor, originNode?.name);
  const discardTab = discard ? tabs.get(discard.tabId) : null;

  // Where the Save dialog proposes to put a new request: the folder last used in the tree.
  const activePath = treeActiveId ? pathTo(roots, treeActiveId) : null;
  const activeNode = activePath?.at(-1);
  const defaultParentId = activeNode?.kind === 'request' ? (activePath?.at(-2)?.id ?? null) : (activeNode?.id ?? null);
  const savingTab = saveDialogTab ? tabs.get(saveDialogTab) : null;
  const savingDraft = savingTab?.editor.draft ?? editor.draft;
  const savingEndpoint = savingTab?.editor.endpointId ? endpointById(savingTab.editor.endpointId) : null;
  const pullable = canPullRange(endpoint, editor.draft);
  const { response } = active;

  return (
    <div className="workspace-shell" ref={shell}>
      <Sidebar
        id={sidebarId}
        width={sidebarWidth}
        collections={() => (
          <CollectionsPanel
            model={collections}
            activeId={treeActiveId}
            onActive={setTreeActiveId}
            openId={origin?.id ?? null}
            onOpenRequest={openNode}
          />
        )}
        history={() => <HistoryPanel version={historyVersion} onOpen={openHistory} />}
        catalog={() => <CatalogPanel activeId={editor.endpointId} onPick={(picked) => openInTab(catalogEditor(picked))} />}
        resizer={
          <Splitter
            label="Resize sidebar"
            orientation="vertical"
            value={sidebarWidth}
            min={SIDEBAR_MIN}
            max={sidebarMax}
            unit="pixels"
            step={10}
            controls={sidebarId}
            valueAt={(x) => x - (shell.current?.getBoundingClientRect().left ?? 0)}
            onChange={(width) => tabs.setPanelSize('sidebarWidth', width)}
            className="sidebar-splitter"
          />
        }
      />
      <main className="workspace-area">
        <TabStrip
          tabs={tabViews}
          activeId={tabs.activeId}
          panelId={panelId}
          tabId={tabDomId}
          onSelect={tabs.select}
          onClose={closeTab}
          onNew={newTab}
        />
        <div
          ref={split}
          id={panelId}
          role="tabpanel"
          aria-labelledby={tabDomId(tabs.activeId)}
          className={`workspace ${wide ? 'is-wide' : 'is-stacked'}`}
          style={wide ? { gridTemplateColumns: splitTemplate } : { gridTemplateRows: splitTemplate }}
        >
          <RequestEditor
            key={active.id}
            ref={editorRef}
            id={editorPaneId}
            draft={editor.draft}
            onChange={editDraft}
            running={response.running !== null}
            onSend={(input) => void sendOrConfirm(input)}
            onCancel={cancel}
            header={
              <EditorHeader
                title={activeTitle}
                location={originPath ? breadcrumb(originPath.slice(0, -1)) : origin ? 'No longer in a collection' : null}
                unsaved={hasUnkeptChanges(editor)}
                message={shownMessage}
                onNew={newTab}
                onSave={() => void save()}
              />
            }
            tools={
              <>
                <div className="editor-tools">
                  <button
                    type="button"
                    className="button button-small button-toggle"
                    aria-expanded={previewOpen}
                    aria-controls={previewOpen ? previewId : undefined}
                    onClick={() => setPreviewOpen(!previewOpen)}
                  >
                    Preview
                  </button>
                  <CopyAsCurl request={() => toSavedRequest(editor.draft)} collectionId={collectionId} />
                  {(pullable || bulk.progress) && (
                    <button
                      type="button"
                      className="button button-small button-toggle"
                      aria-expanded={pullOpen}
                      aria-controls={pullOpen ? pullId : undefined}
                      onClick={() => setPullOpen(!pullOpen)}
                    >
                      Pull range
                    </button>
                  )}
                  <EnvironmentPicker model={environments} />
                </div>
                {previewOpen && (
                  <RequestPreview
                    id={previewId}
                    request={toSavedRequest(editor.draft)}
                    collectionId={collectionId}
                    context={[environments.environments, originPath?.[0]?.variables]}
                  />
                )}
                {pullOpen && (pullable || bulk.progress) && (
                  <PullRangePanel
                    id={pullId}
                    model={bulk}
                    request={() => toSavedRequest(editor.draft)}
                    collectionId={collectionId}
                    initialFrom={validDay(queryValue(editor.draft, DATE_PARAMS.start)) ?? `${new Date().getFullYear()}-01-01`}
                    initialTo={validDay(queryValue(editor.draft, DATE_PARAMS.end)) ?? isoDay(new Date())}
                  />
                )}
              </>
            }
            builder={endpoint && <EndpointBuilder key={endpoint.id} endpoint={endpoint} draft={editor.draft} onChange={editDraft} />}
          />
          <Splitter
            label="Resize request and response"
            orientation={wide ? 'vertical' : 'horizontal'}
            value={editorShare}
            min={splitMin}
            max={splitMax}
            unit="percent"
            step={2}
            controls={editorPaneId}
            valueAt={(position) => {
              const box = split.current!.getBoundingClientRect();
              return wide ? ((position - box.left - 12) / Math.max(1, box.width - 24)) * 100 : ((position - box.top - 12) / Math.max(1, box.height - 24)) * 100;
            }}
            onChange={(share) => tabs.setPanelSize(splitKey, share)}
            className="workspace-splitter"
          />
          <ResponsePanel
            running={response.running}
            summary={response.summary}
            error={response.error}
            note={response.note}
            tooLarge={response.tooLarge}
          />
        </div>
      </main>
      <SaveRequestDialog
        open={savingTab !== null}
        roots={roots}
        defaultName={savingEndpoint ? savingEndpoint.title : savingDraft.path.trim() ? `${savingDraft.method} ${savingDraft.path.trim()}` : 'New request'}
        defaultParentId={defaultParentId}
        onSave={saveNew}
        onClose={() => setSaveDialogTab(null)}
      />
      <ConfirmChangeDialog
        write={pendingWrite?.shown ?? null}
        account={{ host: session.host, user: session.userName ? `${session.userName} (${session.username})` : session.username }}
        company={companyName(settings)}
        onSend={(dontAskAgain) => {
          const pending = pendingWrite;
          setPendingWrite(null);
          if (!pending) return;
          if (dontAskAgain) onStopConfirmingWrites();
          send(pending.tabId, pending.input);
        }}
        onCancel={() => setPendingWrite(null)}
      />
      <ConfirmDialog
        open={discard !== null}
        title="Discard unsaved changes?"
        confirmLabel="Discard changes"
        danger
        onConfirm={() => {
          const pending = discard;
          setDiscard(null);
          if (!pending) return;
          if (pending.kind === 'close') forceClose(pending.tabId);
          else {
            tabs.update(pending.tabId, (tab) => ({ ...tab, editor: pending.editor, response: pending.response, sent: false }));
            setMessage(null);
          }
        }}
        onCancel={() => setDiscard(null)}
      >
        <p>
          {discardTab?.editor.origin
            ? `${tabTitle(discardTab.editor)} has changes that are not saved.`
            : 'This request has changes that are neither saved nor sent.'}{' '}
          {discard?.kind === 'close' ? 'Discard them and close the tab?' : '50 tabs are open: discard them and open the other request here?'}
        </p>
      </ConfirmDialog>
    </div>
  );
}

const clamp = (value: number, min: number, max: number) => Math.round(Math.min(max, Math.max(min, value)));

const validDay = (text: string) => (dayNumber(text) === null ? null : text);

/** The group-account company requests go to, as "Name (id)", or null for the parent account. */
function companyName(settings: Settings | null): string | null {
  const id = settings?.activeCompanyId;
  if (!id) return null;
  const company = settings.companies.find((listed) => listed.id === id);
  return company ? `${company.name} (child_company_id ${id})` : `child_company_id ${id}`;
}
