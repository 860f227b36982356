import { useEffect, useId, useReducer, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { CollectionNode, HistoryEntry } from '../../../src-main/shared/contract';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { CollectionsPanel } from '../features/collections/CollectionsPanel';
import { SaveRequestDialog, type SaveTarget } from '../features/collections/SaveRequestDialog';
import { breadcrumb, pathTo } from '../features/collections/tree';
import { useCollections } from '../features/collections/useCollections';
import { CopyAsCurl } from '../features/export/CopyAsCurl';
import { EditorHeader } from '../features/explorer/EditorHeader';
import { toSavedRequest } from '../features/explorer/draft';
import { blankEditor, hasUnkeptChanges, openedEditor, type EditorState } from '../features/explorer/editorState';
import { RequestEditor } from '../features/explorer/RequestEditor';
import { useRequestRunner } from '../features/explorer/useRequestRunner';
import { HistoryPanel } from '../features/history/HistoryPanel';
import { ResponsePanel } from '../features/response/ResponsePanel';
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
};

type Message = { tone: 'status' | 'error'; text: string };

/** The signed-in work area: saved requests and history, the request editor and its response. */
export function Workspace({ editor, onEditorChange: setEditor, onRequestSettled }: Props) {
  const reportError = useReportError();
  const previewId = useId();
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

  // The saved request the editor holds, as the tree has it now (renamed, moved or deleted since).
  const { origin } = editor;
  const originPath = origin ? pathTo(roots, origin.id) : null;
  const originNode = originPath?.at(-1) ?? null;
  const collectionId = originPath?.[0]?.id ?? origin?.collectionId ?? null;
  const unkept = hasUnkeptChanges(editor);

  /** Replaces the editor's request, asking first when that would lose unsaved work. */
  function replaceEditor(next: EditorState, then?: () => void) {
    if (unkept) setDiscard({ next, then });
    else {
      setEditor(next);
      setMessage(null);
      then?.();
    }
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
      />
      <div className="workspace-area">
        <main className="workspace">
          <RequestEditor
            draft={editor.draft}
            onChange={(draft) => {
              setMessage(null);
              setEditor((current) => ({ ...current, draft }));
            }}
            running={runner.running !== null}
            onSend={(input) => {
              // Once sent, the request is kept in the history: it is no longer unsaved work.
              const { requestId: _, ...sent } = input;
              setEditor((current) => (current.origin ? current : { ...current, baseline: sent }));
              void runner.send({ ...input, collectionId });
            }}
            onCancel={runner.cancel}
            header={
              <EditorHeader
                title={originNode?.name ?? origin?.name ?? 'Untitled request'}
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
              </>
            }
          />
          <ResponsePanel running={runner.running} summary={runner.summary} error={runner.error} note={runner.note} />
        </main>
      </div>
      <SaveRequestDialog
        open={saveDialog}
        roots={roots}
        defaultName={path.trim() ? `${method} ${path.trim()}` : 'New request'}
        defaultParentId={defaultParentId}
        onSave={saveNew}
        onClose={() => setSaveDialog(false)}
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
