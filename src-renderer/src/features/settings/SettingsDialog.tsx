import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Settings } from '../../../../src-main/shared/contract';
import { api } from '../../api';
import { TextField } from '../../components/TextField';
import './settings.css';

type Props = {
  open: boolean;
  onClose: () => void;
};

const DELIVERY_CHOICES: Array<{ value: Settings['tokenDelivery']; label: string; description: string }> = [
  { value: 'query', label: 'access_token query parameter', description: 'What Humanity documents for every request.' },
  { value: 'header', label: 'Authorization: Bearer header', description: 'Keeps the token out of URLs on the wire.' },
];

/** How requests carry the token and how long they may take. Saved in main's settings file. */
export function SettingsDialog({ open, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [delivery, setDelivery] = useState<Settings['tokenDelivery']>('query');
  const [timeout, setTimeoutText] = useState('60');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    const element = dialog.current!;
    if (!open) {
      if (element.open) element.close();
      return;
    }
    if (!element.open) element.showModal();
    setSaved(false);
    setFailure(null);
    void api()
      .settings.get({})
      .then((result) => {
        if (!result.ok) return setFailure(result.error.message);
        setDelivery(result.data.tokenDelivery);
        setTimeoutText(String(result.data.timeoutSeconds));
      });
  }, [open]);

  async function save(event: FormEvent) {
    event.preventDefault();
    const seconds = Number(timeout);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) {
      setFieldError('Enter a whole number of seconds from 1 to 3600.');
      return;
    }
    setFieldError(null);
    const result = await api().settings.update({ tokenDelivery: delivery, timeoutSeconds: seconds });
    if (result.ok) setSaved(true);
    else setFailure(result.error.message);
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      <form onSubmit={(event) => void save(event)} noValidate>
        <h2 id={titleId}>Settings</h2>
        <fieldset className="settings-choices">
          <legend>Token delivery</legend>
          {DELIVERY_CHOICES.map((choice) => (
            <label key={choice.value} className="settings-choice">
              <input
                type="radio"
                name="token-delivery"
                value={choice.value}
                checked={delivery === choice.value}
                onChange={() => setDelivery(choice.value)}
              />
              <span>
                {choice.label}
                <span className="field-description"> — {choice.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <TextField
          label="Timeout (seconds)"
          inputMode="numeric"
          value={timeout}
          onChange={setTimeoutText}
          error={fieldError}
          description="A request or sign-in that takes longer ends with a message."
        />
        {failure && (
          <p className="form-failure" role="alert">
            {failure}
          </p>
        )}
        {saved && <p role="status">Settings saved.</p>}
        <div className="dialog-actions">
          <button type="submit" className="button button-primary">
            Save
          </button>
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            Close
          </button>
        </div>
      </form>
    </dialog>
  );
}
