/** The end of a dialog form: its failure sentence, the submit button and Cancel. */
export function FormFooter({ failure, submitLabel, busy, onCancel }: { failure: string | null; submitLabel: string; busy: boolean; onCancel: () => void }) {
  return (
    <>
      {failure && (
        <p className="form-failure" role="alert">
          {failure}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
