import { RequestEditor } from '../features/explorer/RequestEditor';
import { useRequestRunner } from '../features/explorer/useRequestRunner';
import type { Draft } from '../features/explorer/draft';
import { ResponsePanel } from '../features/response/ResponsePanel';

type Props = {
  draft: Draft;
  onDraftChange: (draft: Draft) => void;
  /** Called after every request, successful or not, so the session info is re-read. */
  onRequestSettled: () => void;
};

/** The signed-in work area: the request editor and the response it produced. */
export function Workspace({ draft, onDraftChange, onRequestSettled }: Props) {
  const runner = useRequestRunner(onRequestSettled);
  return (
    <main className="workspace">
      <RequestEditor
        draft={draft}
        onChange={onDraftChange}
        running={runner.running !== null}
        onSend={(input) => void runner.send(input)}
        onCancel={runner.cancel}
      />
      <ResponsePanel running={runner.running} summary={runner.summary} error={runner.error} />
    </main>
  );
}
