import { useId, useState } from 'react';
import type { CatalogEndpoint, CatalogParam } from '@shared/catalog';
import { SelectField, type SelectOption } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { Draft } from '../explorer/draft';
import { fieldValue, jsonBody, jsonBodyObject, withFieldValue } from './catalogDraft';
import { CONFIDENCE_WORDS, ConfidenceBadge } from './ConfidenceBadge';
import './catalog.css';

type Props = {
  endpoint: CatalogEndpoint;
  draft: Draft;
  onChange: (draft: Draft) => void;
};

/** Sections with more parameters than this show the required and filled ones, and the rest on request. */
const COMPACT_LIMIT = 6;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/**
 * The catalog's knowledge of the endpoint the editor holds: what it does, who may call it, its
 * quirks, and a field per parameter. Fields write the query rows, form fields or JSON keys of the
 * draft; the tables below stay editable by hand.
 */
export function EndpointBuilder({ endpoint, draft, onChange }: Props) {
  const ids = useId();
  const params = (where: CatalogParam['in']) => endpoint.params.filter((param) => param.in === where);
  const bodyTaken = endpoint.method !== 'GET' && endpoint.bodyFormat !== 'none';
  const jsonUnreadable = bodyTaken && jsonBody(endpoint) && draft.bodyKind === 'json' && jsonBodyObject(draft.json) === null;

  return (
    <section className="endpoint-builder" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`} className="visually-hidden">
        Endpoint details
      </h3>
      <div className="endpoint-head">
        <span className={`method-badge method-${endpoint.method}`}>{endpoint.method}</span>
        <span className="endpoint-title">{endpoint.title}</span>
        <ConfidenceBadge confidence={endpoint.confidence} />
        <a className="endpoint-docs" href={endpoint.docsUrl} target="_blank" rel="noreferrer">
          Humanity reference
        </a>
      </div>
      <p className="endpoint-purpose">{endpoint.purpose}</p>
      <p className="endpoint-fact">
        <span className="endpoint-label">Permission</span>{' '}
        {endpoint.permission ?? 'Not documented — a lower role may silently see less.'}
      </p>
      <p className="endpoint-fact">
        <span className="endpoint-label">How sure</span> {CONFIDENCE_WORDS[endpoint.confidence].meaning}
      </p>
      {endpoint.notes && endpoint.notes.length > 0 && (
        // Short lists show at once; longer ones open on request so the fields stay in view.
        <details className="endpoint-notes" open={endpoint.notes.length <= 2 || undefined}>
          <summary>
            Quirks and notes <span className="muted">({endpoint.notes.length})</span>
          </summary>
          <ul>
            {endpoint.notes.map((note) => (
              <li key={note}>
                <CodeText text={note} />
              </li>
            ))}
          </ul>
        </details>
      )}
      <ParamSection title="Path parameters" endpoint={endpoint} draft={draft} params={params('path')} onChange={onChange} />
      <ParamSection title="Query parameters" endpoint={endpoint} draft={draft} params={params('query')} onChange={onChange} />
      {bodyTaken && (
        <ParamSection
          title={jsonBody(endpoint) ? 'Body fields (JSON)' : 'Body fields (form)'}
          endpoint={endpoint}
          draft={draft}
          params={params('body')}
          onChange={onChange}
          disabledReason={jsonUnreadable ? 'The JSON body below is not an object, so these fields cannot fill it. Fix it by hand, or clear it to {}.' : null}
        />
      )}
    </section>
  );
}

/** Text whose `backticked` parts are code. */
function CodeText({ text }: { text: string }) {
  return text.split(/`([^`]+)`/).map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

type SectionProps = {
  title: string;
  endpoint: CatalogEndpoint;
  draft: Draft;
  params: readonly CatalogParam[];
  onChange: (draft: Draft) => void;
  disabledReason?: string | null;
};

function ParamSection({ title, endpoint, draft, params, onChange, disabledReason }: SectionProps) {
  const ids = useId();
  const [showAll, setShowAll] = useState(false);
  // Fields the user touched stay in sight even when cleared, so focus never vanishes.
  const [pinned, setPinned] = useState<ReadonlySet<string>>(() => new Set());
  if (params.length === 0) return null;

  const windowNames = endpoint.dateWindow ? [endpoint.dateWindow.start, endpoint.dateWindow.end] : [];
  const essential = (param: CatalogParam) =>
    param.required || pinned.has(param.name) || windowNames.includes(param.name) || fieldValue(endpoint, draft, param) !== '';
  const compact = params.length > COMPACT_LIMIT;
  const shown = compact && !showAll ? params.filter(essential) : params;
  const hidden = params.length - shown.length;

  function set(param: CatalogParam, value: string) {
    if (!pinned.has(param.name)) setPinned(new Set([...pinned, param.name]));
    const next = withFieldValue(endpoint, draft, param, value);
    if (next) onChange(next);
  }

  return (
    <fieldset className="param-section" disabled={Boolean(disabledReason)} aria-describedby={disabledReason ? `${ids}-why` : undefined}>
      <legend>{title}</legend>
      {disabledReason && (
        <p id={`${ids}-why`} className="field-description">
          {disabledReason}
        </p>
      )}
      {shown.length > 0 && (
        <div className="param-grid">
          {shown.map((param) => (
            <ParamField
              key={param.name}
              endpoint={endpoint}
              param={param}
              value={fieldValue(endpoint, draft, param)}
              onChange={(value) => set(param, value)}
            />
          ))}
        </div>
      )}
      {compact && (
        <button
          type="button"
          className="button button-quiet param-more"
          aria-expanded={showAll}
          onClick={() => setShowAll(!showAll)}
        >
          {showAll ? 'Show fewer' : `Show ${hidden} more ${hidden === 1 ? 'parameter' : 'parameters'}`}
        </button>
      )}
    </fieldset>
  );
}

type FieldProps = { endpoint: CatalogEndpoint; param: CatalogParam; value: string; onChange: (value: string) => void };

/** An option's text: the label, with the value Humanity receives in front when it is not already there. */
const optionLabel = (value: string, label: string) => (label === value || label.startsWith(`${value} `) ? label : `${value} — ${label}`);

function ParamField({ endpoint, param, value, onChange }: FieldProps) {
  const label = <span className="param-name">{param.name}</span>;
  // aria-required says it to assistive technology; the tag shows it.
  const aside = param.required ? (
    <span className="param-required" aria-hidden="true">
      required
    </span>
  ) : undefined;
  const example = param.example && param.type !== 'date' ? ` Example: ${param.example}.` : '';
  const description = `${param.description}${example}`;

  if (param.type === 'enum' || param.type === 'boolean') {
    const choices: SelectOption[] =
      param.type === 'enum'
        ? (param.enumValues ?? []).map((choice) => ({ value: choice.value, label: optionLabel(choice.value, choice.label) }))
        : jsonBody(endpoint)
          ? [
              { value: 'true', label: 'true' },
              { value: 'false', label: 'false' },
            ]
          : [
              { value: '1', label: '1 — yes' },
              { value: '0', label: '0 — no' },
            ];
    const typed = value !== '' && !choices.some((choice) => choice.value === value) ? [{ value, label: `${value} (typed by hand)` }] : [];
    return (
      <SelectField
        label={label}
        aside={aside}
        className="param-field"
        aria-required={param.required || undefined}
        value={value}
        options={[{ value: '', label: 'Not set' }, ...choices, ...typed]}
        description={description}
        onChange={onChange}
      />
    );
  }

  const kind = param.type === 'date' ? 'date' : param.type === 'time' ? 'time' : 'text';
  const shape = kind === 'date' ? DATE : kind === 'time' ? TIME : null;
  // A variable or other text the picker cannot show is named, so the empty picker does not mislead.
  const foreign = shape && value !== '' && !shape.test(value) ? ` Now “${value}”, as typed in the table.` : '';
  return (
    <TextField
      label={label}
      aside={aside}
      className="param-field"
      type={kind}
      inputMode={param.type === 'integer' || param.type === 'number' ? 'numeric' : undefined}
      aria-required={param.required || undefined}
      spellCheck={false}
      autoComplete="off"
      placeholder={kind === 'text' ? param.example : undefined}
      value={shape && foreign ? '' : value}
      description={`${description}${foreign}`}
      onChange={onChange}
    />
  );
}
