import { useId, useRef } from 'react';
import { endpointById } from '@shared/catalog';
import { Splitter } from '../components/Splitter';
import { keptEndpointId } from '../features/catalog/catalogDraft';
import { EndpointBuilder } from '../features/catalog/EndpointBuilder';
import { SaveRequestDialog } from '../features/collections/SaveRequestDialog';
import { placeText, savedPlace } from '../features/collections/savedPlace';
import { useCollections } from '../features/collections/useCollections';
import { useSaveRequest } from '../features/collections/useSaveRequest';
import { useTabNamesFollowTree } from '../features/collections/useTabNamesFollowTree';
import type { Draft } from '../features/explorer/draft';
import { EditorHeader } from '../features/explorer/EditorHeader';
import { EditorTools } from '../features/explorer/EditorTools';
import { catalogEditor, hasUnkeptChanges } from '../features/explorer/editorState';
import { RequestEditor, type RequestEditorHandle } from '../features/explorer/RequestEditor';
import { useEditorTools } from '../features/explorer/useEditorTools';
import { useSendRequest } from '../features/explorer/useSendRequest';
import { ActiveResponsePanel } from '../features/response/ResponsePanel';
import { CompareHost } from '../features/compare/CompareHost';
import { ConfirmChangeDialog } from '../features/safety/ConfirmChangeDialog';
import { useWriteConfirmation } from '../features/safety/useWriteConfirmation';
import { DiscardChangesDialog } from '../features/tabs/DiscardChangesDialog';
import { OpenTabStrip } from '../features/tabs/OpenTabStrip';
import { useDiscardGuard } from '../features/tabs/useDiscardGuard';
import { useRequestOpener } from '../features/tabs/useRequestOpener';
import { useTabFocus } from '../features/tabs/useTabFocus';
import { useTabMessage } from '../features/tabs/useTabMessage';
import { appStore } from '../state/appStore';
import { useActiveEditor, useActiveTabId } from '../state/hooks';
import { tabTitle } from '../state/tabsModel';
import { useCommands } from './useCommands';
import { useWorkspaceLayout } from './useWorkspaceLayout';
import { WorkspaceSidebar } from './WorkspaceSidebar';

/**
 * The signed-in work area: the sidebar, the open requests as tabs, the active request's editor and
 * its response. Each flow lives in its feature; this puts them together. It reads the active tab's
 * id and editor, not its response: an answer renders the response panel, the strip and the Send
 * button, not this (docs/architecture.md, "The renderer's store").
 */
export function Workspace() {
  const ids = useId();
  const tabDomId = (tabId: string) => `${ids}-tab-${tabId}`;
  const activeId = useActiveTabId();
  const editor = useActiveEditor();
  const editorRef = useRef<RequestEditorHandle>(null);
  const collections = useCollections();
  const { roots } = collections;
  const place = savedPlace(roots, editor);
  const endpoint = editor.endpointId ? (endpointById(editor.endpointId) ?? null) : null;

  const messages = useTabMessage(activeId);
  const focus = useTabFocus(editorRef, tabDomId);
  const discard = useDiscardGuard({ beforeActiveCloses: focus.beforeSwitch, afterReplace: messages.clear });
  const opener = useRequestOpener(discard, messages.clear);
  const sender = useSendRequest(roots);
  const writes = useWriteConfirmation(sender.send);
  const saving = useSaveRequest(collections, messages);
  const tools = useEditorTools();
  const layout = useWorkspaceLayout();
  useTabNamesFollowTree(collections);

  function newTab() {
    appStore.tabs.add();
    messages.clear();
    focus.newTab();
  }
  function switchTab(step: 1 | -1) {
    focus.beforeSwitch();
    appStore.tabs.cycle(step);
  }
  /** Every edit of the draft; the catalog endpoint is kept only while the request still follows it. */
  function editDraft(draft: Draft) {
    messages.clear();
    appStore.tabs.updateEditor(activeId, (current) => ({ ...current, draft, endpointId: keptEndpointId(current.endpointId, draft) }));
  }

  const saveActive = () => void saving.save(appStore.tabs.get(activeId)!);

  useCommands({
    send: () => editorRef.current?.send(),
    save: saveActive,
    'new-request': newTab,
    'focus-path': () => editorRef.current?.focusPath(),
    'close-tab': () => discard.close(activeId),
    'next-tab': () => switchTab(1),
    'previous-tab': () => switchTab(-1),
  });

  return (
    <div className="workspace-shell" ref={layout.shell}>
      <WorkspaceSidebar
        id={`${ids}-sidebar`}
        splitter={layout.sidebarSplitter}
        collections={collections}
        openId={editor.origin?.id ?? null}
        endpointId={editor.endpointId}
        onOpenSaved={(node) => opener.openSaved(roots, node)}
        onOpenHistory={opener.openHistory}
        onPickEndpoint={(picked) => opener.open(catalogEditor(picked))}
      />
      <main className="workspace-area">
        <OpenTabStrip
          roots={roots}
          panelId={`${ids}-tabpanel`}
          tabId={tabDomId}
          onSelect={appStore.tabs.select}
          onClose={discard.close}
          onNew={newTab}
        />
        <div
          ref={layout.split}
          id={`${ids}-tabpanel`}
          role="tabpanel"
          aria-labelledby={tabDomId(activeId)}
          className={`workspace ${layout.wide ? 'is-wide' : 'is-stacked'}`}
          style={layout.gridStyle}
        >
          <RequestEditor
            key={activeId}
            ref={editorRef}
            id={`${ids}-editor`}
            draft={editor.draft}
            onChange={editDraft}
            onSend={(input) => void writes.sendOrConfirm(activeId, input, place.collectionId)}
            onCancel={() => sender.cancel(activeId)}
            header={
              <EditorHeader
                title={tabTitle(editor, place.node?.name)}
                location={placeText(place, editor)}
                unsaved={hasUnkeptChanges(editor)}
                message={messages.shown}
                onNew={newTab}
                onSave={saveActive}
              />
            }
            tools={<EditorTools model={tools} editor={editor} place={place} />}
            builder={endpoint && <EndpointBuilder key={endpoint.id} endpoint={endpoint} draft={editor.draft} onChange={editDraft} />}
          />
          <Splitter
            label="Resize request and response"
            orientation={layout.wide ? 'vertical' : 'horizontal'}
            unit="percent"
            step={2}
            controls={`${ids}-editor`}
            className="workspace-splitter"
            {...layout.editorSplitter}
          />
          <ActiveResponsePanel />
        </div>
      </main>
      <SaveRequestDialog saving={saving} collections={collections} />
      <ConfirmChangeDialog confirmation={writes} />
      <DiscardChangesDialog guard={discard} />
      <CompareHost />
    </div>
  );
}
