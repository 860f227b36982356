import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Settings } from '@shared/contract';
import { api } from '../../api';
import { NameValueTable, newRow, type NameValueRow } from '../../components/NameValueTable';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { appStore } from '../../state/appStore';
import { NetworkSection } from './NetworkSection';
import { useNetworkForm } from './useNetworkForm';
import './settings.css';

type Props = {
  open: boolean;
  onClose: () => void;
  /** Opens the About dialog (over this one). */
  onAbout: () => void;
};

const THEME_CHOICES: Array<{ value: Settings['theme']; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** A whole number in [min, max] typed in a text field, or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

const DELIVERY_CHOICES: Array<{ value: Settings['tokenDelivery']; label: string; description: string }> = [
  { value: 'query', label: 'access_token query parameter', description: 'What Humanity documents for every request.' },
  { value: 'header', label: 'Authorization: Bearer header', description: 'Keeps the token out of URLs on the wire.' },
];

type Companies = Settings['companies'];

/** The listed companies, or the first sentence saying what is wrong with them. */
export function readCompanies(rows: readonly NameValueRow[]): { ok: true; companies: Companies } | { ok: false; message: string } {
  const companies: Companies = [];
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const id = row.name.trim();
    const name = row.value.trim();
    if (!id && !name) continue;
    const which = `Company ${index + 1}`;
    if (!/^\d{1,15}$/.test(id)) return { ok: false, message: `${which}: the ID must be the child account's number, digits only (like 48213).` };
    if (!name) return { ok: false, message: `${which}: enter a name, so you can tell the companies apart.` };
    if (seen.has(id)) return { ok: false, message: `${which}: company ${id} is already listed.` };
    seen.add(id);
    companies.push({ id, name: name.slice(0, 256) });
  }
  return { ok: true, companies };
}

/**
 * How requests carry the token, how long they may take, retries, response size limits, read-only
 * mode, group-account companies, the network (proxy and certificates) and the theme.
 */
export function SettingsDialog({ open, onClose, onAbout }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [delivery, setDelivery] = useState<Settings['tokenDelivery']>('query');
  const [timeout, setTimeoutText] = useState('60');
  const [readOnly, setReadOnly] = useState(false);
  const [retry, setRetry] = useState(true);
  const [theme, setTheme] = useState<Settings['theme']>('system');
  const [maxResponse, setMaxResponse] = useState('512');
  const [memoryBudget, setMemoryBudget] = useState('256');
  const [sizeErrors, setSizeErrors] = useState<{ max: string | null; memory: string | null }>({ max: null, memory: null });
  const [companies, setCompanies] = useState<NameValueRow[]>([]);
  const [activeCompanyId, setActiveCompanyId] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [companiesError, setCompaniesError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const network = useNetworkForm();
  const loadNetwork = network.load;

  useEffect(() => {
    const element = dialog.current!;
    if (!open) {
      if (element.open) element.close();
      return;
    }
    if (!element.open) element.showModal();
    setSaved(false);
    setFailure(null);
    setFieldError(null);
    setCompaniesError(null);
    setSizeErrors({ max: null, memory: null });
    void api()
      .settings.get({})
      .then((result) => {
        if (!result.ok) return setFailure(result.error.message);
        setDelivery(result.data.tokenDelivery);
        setTimeoutText(String(result.data.timeoutSeconds));
        setReadOnly(result.data.readOnly);
        setRetry(result.data.retrySafeRequests);
        setTheme(result.data.theme);
        setMaxResponse(String(result.data.maxResponseMB));
        setMemoryBudget(String(result.data.memoryBudgetMB));
        setCompanies(result.data.companies.map((company) => newRow(company.id, company.name)));
        setActiveCompanyId(result.data.activeCompanyId);
        loadNetwork(result.data);
      });
  }, [open, loadNetwork]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const seconds = Number(timeout);
    const timeoutOk = Number.isInteger(seconds) && seconds >= 1 && seconds <= 3600;
    setFieldError(timeoutOk ? null : 'Enter a whole number of seconds from 1 to 3600.');
    const maxResponseMB = wholeNumber(maxResponse, 1, 512);
    const memoryBudgetMB = wholeNumber(memoryBudget, 0, 65_536);
    setSizeErrors({
      max: maxResponseMB === null ? 'Enter a whole number of megabytes from 1 to 512.' : null,
      memory: memoryBudgetMB === null ? 'Enter a whole number of megabytes from 0 to 65536.' : null,
    });
    const listed = readCompanies(companies);
    setCompaniesError(listed.ok ? null : listed.message);
    const networkFields = network.fields();
    if (!timeoutOk || !listed.ok || maxResponseMB === null || memoryBudgetMB === null || !networkFields) return;
    // A company taken off the list is no longer the one requests go to.
    const stillListed = activeCompanyId !== null && listed.companies.some((company) => company.id === activeCompanyId);
    const result = await api().settings.update({
      tokenDelivery: delivery,
      timeoutSeconds: seconds,
      readOnly,
      retrySafeRequests: retry,
      maxResponseMB,
      memoryBudgetMB,
      theme,
      companies: listed.companies,
      activeCompanyId: stillListed ? activeCompanyId : null,
      ...networkFields,
    });
    if (!result.ok) return setFailure(result.error.message);
    setFailure(null);
    setSaved(true);
    setActiveCompanyId(result.data.activeCompanyId);
    // The rest of the app follows at once.
    appStore.settings.replace(result.data);
    const passwordFailure = await network.afterSave();
    if (passwordFailure) {
      setSaved(false);
      setFailure(`Settings saved, but not the proxy password: ${passwordFailure}`);
    }
  }

  return (
    <dialog ref={dialog} className="dialog settings-dialog" aria-labelledby={`${ids}-title`} onClose={onClose}>
      <form onSubmit={(event) => void save(event)} noValidate>
        <h2 id={`${ids}-title`}>Settings</h2>
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
        <div className="settings-check">
          <label className="inline-check">
            <input
              type="checkbox"
              checked={retry}
              aria-describedby={`${ids}-retry`}
              onChange={(event) => setRetry(event.target.checked)}
            />
            Retry safe requests
          </label>
          <p id={`${ids}-retry`} className="field-description">
            A GET that meets 502, 503 or 504, or a dropped connection, is tried again a few times, waiting longer each time.
            Other methods are never repeated on their own.
          </p>
        </div>
        <div className="settings-sizes">
          <TextField
            label="Largest response (MB)"
            inputMode="numeric"
            value={maxResponse}
            onChange={setMaxResponse}
            error={sizeErrors.max}
            description="A larger answer is stopped and not kept; Save to file can still fetch it. From 1 to 512."
          />
          <TextField
            label="Memory for responses (MB)"
            inputMode="numeric"
            value={memoryBudget}
            onChange={setMemoryBudget}
            error={sizeErrors.memory}
            description="Kept responses beyond this total move to a temporary file, the least recently used first."
          />
        </div>
        <div className="settings-check">
          <label className="inline-check">
            <input
              type="checkbox"
              checked={readOnly}
              aria-describedby={`${ids}-read-only`}
              onChange={(event) => setReadOnly(event.target.checked)}
            />
            Read-only mode
          </label>
          <p id={`${ids}-read-only`} className="field-description">
            Blocks POST, PUT, PATCH and DELETE: nothing that could change your Humanity data is sent.
          </p>
        </div>
        <section className="settings-companies" aria-labelledby={`${ids}-companies`} aria-describedby={`${ids}-companies-about`}>
          <h3 id={`${ids}-companies`}>Group account companies</h3>
          <p id={`${ids}-companies-about`} className="field-description">
            For a group (parent) account: the child companies you work with, by account ID. Once one is listed, the Company
            selector in the session bar adds <code>child_company_id</code> to every request.
          </p>
          <NameValueTable
            caption="Companies"
            noun="company"
            columns={{ name: 'ID', value: 'Name' }}
            noEnabled
            nameInputMode="numeric"
            emptyText="No companies listed: requests go to the account you signed in to."
            rows={companies}
            onChange={(rows) => {
              setCompanies(rows);
              setCompaniesError(null);
            }}
          />
          {companiesError && (
            <p className="field-error" role="alert">
              {companiesError}
            </p>
          )}
        </section>
        <NetworkSection form={network} />
        <SelectField
          label="Theme"
          className="settings-theme"
          value={theme}
          options={THEME_CHOICES}
          onChange={(value) => setTheme(value as Settings['theme'])}
          description="System follows the light or dark setting of your computer."
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
          <button type="button" className="button button-quiet settings-about" onClick={onAbout}>
            About Humanity API Explorer
          </button>
        </div>
      </form>
    </dialog>
  );
}
