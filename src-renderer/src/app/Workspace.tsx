import { useEffect, useId, useReducer, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { endpointById } from '../../../src-main/shared/catalog';
import type { CollectionNode, HistoryEntry, RequestInput, SessionView, Settings } from '../../../src-main/shared/contract';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
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
import { blankEditor, catalogEditor, hasUnkeptChanges, openedEditor, type EditorState } from '../features/explorer/editorState';
import { RequestEditor } from '../features/explorer/RequestEditor';
import { useRequestRunner } from '../features/explorer/useRequestRunner';
import { HistoryPanel } from '../features/history/HistoryPanel';
import { ResponsePanel } from '../features/response/ResponsePanel';
import { ConfirmChangeDialog, type PendingWrite } from '../features/safety/ConfirmChangeDialog';
import { Sidebar } from '../features/sidebar/Sidebar';
import { EnvironmentPicker } from '../features/variables/EnvironmentPicker';
import { RequestPreview } from '../features/variables/RequestPreview';
import { useEnvironments } from '../features/variables/useEnvironments';
import { useReportError } from './errorRouting';

type Props = {
  editor: EditorState;
  onEditorChange: Dispatch<SetStateAction<EditorState>>;
  /** Called after every request, successful or not, so the session info is re-read. */
  onRequestSettled: () => void;
  session: SessionView;
  /** Main's settings once read (read-only mode, the group-account company). */
  settings: Settings | null;
  /** Ask before a write to a real account; false after "Don't ask again until I sign out". */
  confirmWrites: boolean;
  onStopConfirmingWrites: () => void;
};

type Message = { tone: 'status' | 'error'; text: string };

/** The signed-in work area: saved requests and history, the request editor and its response. */
export function Workspace({
  editor,
  onEditorChange: setEditor,
  onRequestSettled,
  session,
  settings,
  confirmWrites,
  onStopConfirmingWrites,
}: Props) {
  const reportError = useReportError();
  const previewId = useId();
  const pullId = useId();
  const [historyVersion, historyChanged] = useReducer((n: number) => n + 1, 0);
  const runner = useRequestRunner(() => {
    onRequestSettled();
    historyChanged();
  });
  const collections = useCollections();
  const environments = useEnvironments();
  const { roots } = collections;
  const [activeId, setActiveId] = useState<string | null>(null);
  const [saveDialog, setSaveDialog] = useState(false);
  const [discard, setDiscard] = useState<{ next: EditorState; then?: () => void } | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  const [pullOpen, setPullOpen] = useState(false);
  const [pendingWrite, setPendingWrite] = useState<{ input: RequestInput; shown: PendingWrite } | null>(null);
  const bulk = useBulkPull();

  // The saved request the editor holds, as the tree has it now (renamed, moved or deleted since).
  const { origin } = editor;
  const originPath = origin ? pathTo(roots, origin.id) : null;
  const originNode = originPath?.at(-1) ?? null;
  const collectionId = originPath?.[0]?.id ?? origin?.collectionId ?? null;
  const unkept = hasUnkeptChanges(editor);
  const endpoint = editor.endpointId ? (endpointById(editor.endpointId) ?? null) : null;

  /** Replaces the editor's request, asking first when that would lose unsaved work. */
  function replaceEditor(next: EditorState, then?: () => void) {
    if (unkept) setDiscard({ next, then });
    else {
      setEditor(next);
      setMessage(null);
      then?.();
    }
  }

  /** Every edit of the draft; the catalog endpoint is kept only while the request still follows it. */
  function editDraft(draft: Draft) {
    setMessage(null);
    setEditor((current) => ({ ...current, draft, endpointId: keptEndpointId(current.endpointId, draft) }));
  }

  function send(input: RequestInput) {
    // Once sent, the request is kept in the history: it is no longer unsaved work.
    const { requestId: _, ...sent } = input;
    setEditor((current) => (current.origin ? current : { ...current, baseline: sent }));
    void runner.send({ ...input, collectionId });
  }

  /**
   * A POST, PUT, PATCH or DELETE to a real account waits for "Confirm change", which names it as it
   * will be sent (variables filled in). Read-only mode needs no question: main refuses and says so.
   */
  async function sendOrConfirm(input: RequestInput) {
    if (input.method === 'GET' || session.sandbox || !confirmWrites || settings?.readOnly) return send(input);
    const { requestId: _, ...request } = input;
    const preview = await api().variables.preview({ request, collectionId });
    // A variable without a value stops the request in main, which says which: nothing to confirm.
    if (preview.ok && preview.data.unresolved.length > 0) return send(input);
    const resolved = preview.ok ? preview.data.request : request;
    const url = preview.ok ? preview.data.url : `/api/v2/${request.path}`;
    const body = resolved.body;
    setPendingWrite({
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

  function openNode(node: CollectionNode) {
    if (node.id === origin?.id || !node.request) return;
    const path = pathTo(roots, node.id);
    replaceEditor(openedEditor(node.request, { id: node.id, collectionId: path?.[0]?.id ?? node.id, name: node.name }));
  }

  async function openHistory(entry: HistoryEntry): Promise<string | null> {
    const result = await api().history.open({ id: entry.id });
    if (!result.ok) {
      reportError(result.error);
      return result.error.message;
    }
    const { request, summary } = result.data;
    replaceEditor(openedEditor(request, null), () => runner.showStored(summary));
    return null;
  }

  async function save() {
    const parent = originPath?.at(-2);
    if (!originNode || !parent) {
      setSaveDialog(true);
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
    if (!result.ok) return setMessage({ tone: 'error', text: result.error.message });
    setEditor((current) => (current.origin?.id === originNode.id ? { ...current, baseline: request } : current));
    setMessage({ tone: 'status', text: 'Saved' });
  }

  async function saveNew(target: SaveTarget): Promise<string | null> {
    let parentId: string;
    if ('newCollection' in target) {
      const created = await collections.run(api().collections.create({ parentId: null, kind: 'collection', name: target.newCollection }));
      if (!created.ok) return created.error.message;
      parentId = created.data.id;
    } else parentId = target.parentId;
    const request = toSavedRequest(editor.draft);
    const result = await collections.run(
      api().collections.saveRequest({ id: null, parentId, name: target.name, description: target.description, request }),
    );
    if (!result.ok) return result.error.message;
    const path = pathTo(result.data.collections, result.data.id) ?? [];
    setEditor((current) => ({
      ...current,
      origin: { id: result.data.id, collectionId: path[0]?.id ?? parentId, name: target.name },
      baseline: request,
    }));
    setMessage({ tone: 'status', text: 'Saved' });
    return null;
  }

  // Ctrl/Cmd+S saves from anywhere in the app, except over a dialog.
  const saveLatest = useRef(save);
  useEffect(() => {
    saveLatest.current = save;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      if (document.querySelector('dialog[open]')) return;
      void saveLatest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Where the Save dialog proposes to put a new request: the folder last used in the tree.
  const activePath = activeId ? pathTo(roots, activeId) : null;
  const activeNode = activePath?.at(-1);
  const defaultParentId = activeNode?.kind === 'request' ? (activePath?.at(-2)?.id ?? null) : (activeNode?.id ?? null);
  const { method, path } = editor.draft;
  const pullable = canPullRange(endpoint, editor.draft);

  return (
    <div className="workspace-shell">
      <Sidebar
        collections={() => (
          <CollectionsPanel
            model={collections}
            activeId={activeId}
            onActive={setActiveId}
            openId={origin?.id ?? null}
            onOpenRequest={openNode}
          />
        )}
        history={() => <HistoryPanel version={historyVersion} onOpen={openHistory} />}
        catalog={() => <CatalogPanel activeId={editor.endpointId} onPick={(picked) => replaceEditor(catalogEditor(picked))} />}
      />
      <div className="workspace-area">
        <main className="workspace">
          <RequestEditor
            draft={editor.draft}
            onChange={editDraft}
            running={runner.running !== null}
            onSend={(input) => void sendOrConfirm(input)}
            onCancel={runner.cancel}
            header={
              <EditorHeader
                title={originNode?.name ?? origin?.name ?? endpoint?.title ?? 'Untitled request'}
                location={originPath ? breadcrumb(originPath.slice(0, -1)) : origin ? 'No longer in a collection' : null}
                unsaved={origin !== null && unkept}
                message={message}
                onNew={() => replaceEditor(blankEditor())}
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
          <ResponsePanel running={runner.running} summary={runner.summary} error={runner.error} note={runner.note} />
        </main>
      </div>
      <SaveRequestDialog
        open={saveDialog}
        roots={roots}
        defaultName={endpoint ? endpoint.title : path.trim() ? `${method} ${path.trim()}` : 'New request'}
        defaultParentId={defaultParentId}
        onSave={saveNew}
        onClose={() => setSaveDialog(false)}
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
          send(pending.input);
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
          setEditor(pending.next);
          setMessage(null);
          pending.then?.();
        }}
        onCancel={() => setDiscard(null)}
      >
        <p>
          {origin
            ? `${originNode?.name ?? origin.name} has changes that are not saved.`
            : 'The request you are editing has changes that are neither saved nor sent.'}{' '}
          Discard them and open the other request?
        </p>
      </ConfirmDialog>
    </div>
  );
}

const validDay = (text: string) => (dayNumber(text) === null ? null : text);

/** The group-account company requests go to, as "Name (id)", or null for the parent account. */
function companyName(settings: Settings | null): string | null {
  const id = settings?.activeCompanyId;
  if (!id) return null;
  const company = settings.companies.find((listed) => listed.id === id);
  return company ? `${company.name} (child_company_id ${id})` : `child_company_id ${id}`;
}
