import { ariaShortcut, isMac, shortcutLabel } from '../../app/commands';
import { saveShortcut } from './RequestEditor';

type Props = {
  title: string;
  /** "Collection › Folder" of a saved request. */
  location: string | null;
  /** The saved request differs from what the editor holds. */
  unsaved: boolean;
  message: { tone: 'status' | 'error'; text: string } | null;
  /** Opens a blank request in a new tab. */
  onNew: () => void;
  onSave: () => void;
};

/** Which request the editor holds, whether it has unsaved changes, and New / Save. */
export function EditorHeader({ title, location, unsaved, message, onNew, onSave }: Props) {
  return (
    <div className="editor-header">
      <div className="editor-title">
        <div className="editor-title-line">
          <h2 className="request-title" title={title}>
            {title}
          </h2>
          {/* Seen here; assistive technology hears it on the request's tab (one marker per request). */}
          {unsaved && (
            <span className="unsaved-marker" aria-hidden="true" title="Unsaved changes">
              •
            </span>
          )}
        </div>
        <p className="request-location">
          {location && <span>{location}</span>}
          <span role="status" className="save-status">
            {message?.tone === 'status' && message.text}
          </span>
        </p>
      </div>
      <div className="editor-header-actions">
        <button
          type="button"
          className="button button-small"
          aria-keyshortcuts={ariaShortcut('new-request')}
          title={`New request in a new tab (${shortcutLabel('new-request', isMac)})`}
          onClick={onNew}
        >
          New request
        </button>
        <button
          type="button"
          className="button button-small"
          aria-keyshortcuts={ariaShortcut('save')}
          title={`Save (${saveShortcut})`}
          onClick={onSave}
        >
          Save
        </button>
      </div>
      {message?.tone === 'error' && (
        <p className="form-failure editor-header-error" role="alert">
          {message.text}
        </p>
      )}
    </div>
  );
}
