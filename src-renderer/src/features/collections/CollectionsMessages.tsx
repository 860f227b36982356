import { useEffect, useState } from 'react';
import type { CollectionNode } from '@shared/contract';

export type CollectionsMessage = { tone: 'status' | 'error'; text: string; details?: readonly string[] };
/** What main needs to put a deleted node back where it was. */
type Undo = { node: CollectionNode; parentId: string | null; index: number };

/** Short news goes away on its own; an undo stays offered for a while; errors and import results stay. */
export function useCollectionsNews() {
  const [message, setMessage] = useState<CollectionsMessage | null>(null);
  const [deleted, setDeleted] = useState<{ name: string; undo: Undo } | null>(null);
  useEffect(() => {
    if (message?.tone !== 'status' || message.details?.length) return;
    const timer = setTimeout(() => setMessage(null), 10_000);
    return () => clearTimeout(timer);
  }, [message]);
  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), 30_000);
    return () => clearTimeout(timer);
  }, [deleted]);
  return {
    message,
    setMessage,
    deleted,
    setDeleted,
    fail: (text: string) => setMessage({ tone: 'error', text }),
    say: (text: string, details?: readonly string[]) => setMessage({ tone: 'status', text, details }),
  };
}

type Props = {
  /** The request or folder just deleted, while its undo is offered. */
  deletedName: string | null;
  onUndo: () => void;
  onDismissDeleted: () => void;
  message: CollectionsMessage | null;
  onDismissMessage: () => void;
};

/** Below the tree: the undo of a delete, short news (an import lists what it left out), errors. */
export function CollectionsMessages({ deletedName, onUndo, onDismissDeleted, message, onDismissMessage }: Props) {
  const dismiss = (onDismiss: () => void) => (
    <button type="button" className="icon-button" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
      <span aria-hidden="true">×</span>
    </button>
  );
  return (
    <div className="sidebar-messages">
      <div role="status" className="sidebar-status">
        {deletedName !== null && (
          <div className="toast">
            <span className="toast-text">Deleted {deletedName}</span>
            <button type="button" className="button button-small" onClick={onUndo}>
              Undo
            </button>
            {dismiss(onDismissDeleted)}
          </div>
        )}
        {message?.tone === 'status' && (
          <div className="toast">
            <div className="toast-text">
              <p>{message.text}</p>
              {message.details && message.details.length > 0 && (
                <ul className="toast-details">
                  {message.details.map((detail) => (
                    <li key={detail}>{detail}</li>
                  ))}
                </ul>
              )}
            </div>
            {dismiss(onDismissMessage)}
          </div>
        )}
      </div>
      {message?.tone === 'error' && (
        <div className="form-failure toast" role="alert">
          <span className="toast-text">{message.text}</span>
          {dismiss(onDismissMessage)}
        </div>
      )}
    </div>
  );
}
