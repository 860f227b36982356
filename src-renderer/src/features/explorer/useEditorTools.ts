import { useState } from 'react';
import { useBulkPull } from '../bulk/useBulkPull';
import { useEnvironments } from '../variables/useEnvironments';

/**
 * What the tools under the request line keep across tabs: which panels are open, the one Pull
 * range the workspace follows, and the environments.
 */
export function useEditorTools() {
  const [previewOpen, setPreviewOpen] = useState(false);
  const [pullOpen, setPullOpen] = useState(false);
  return {
    previewOpen,
    togglePreview: () => setPreviewOpen(!previewOpen),
    pullOpen,
    togglePull: () => setPullOpen(!pullOpen),
    bulk: useBulkPull(),
    environments: useEnvironments(),
  };
}

export type EditorToolsModel = ReturnType<typeof useEditorTools>;
