import { useId } from 'react';
import type { ProxyMode } from '@shared/contract';
import { TextField } from '../../components/TextField';
import type { NetworkForm } from './useNetworkForm';

const MODE_CHOICES: Array<{ value: ProxyMode; label: string; description: string }> = [
  { value: 'system', label: 'System', description: "your computer's proxy settings, automatic configuration included." },
  { value: 'environment', label: 'Environment', description: 'HTTPS_PROXY, HTTP_PROXY and NO_PROXY as the app was started with.' },
  { value: 'manual', label: 'Manual', description: 'the proxy entered below.' },
  { value: 'none', label: 'None', description: 'connect directly.' },
];

/** Settings > Network: where the proxy comes from, its login, and which certificates are trusted. */
export function NetworkSection({ form }: { form: NetworkForm }) {
  const ids = useId();
  const status = form.status;
  const saved = status && status.proxyCredential !== 'none' && status.proxyCredential !== 'other-proxy';
  return (
    <section className="settings-network" aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>Network</h3>
      <fieldset className="settings-choices" aria-describedby={`${ids}-loopback`}>
        <legend>Proxy</legend>
        {MODE_CHOICES.map((choice) => (
          <label key={choice.value} className="settings-choice">
            <input type="radio" name="proxy-mode" value={choice.value} checked={form.mode === choice.value} onChange={() => form.setMode(choice.value)} />
            <span>
              {choice.label}
              <span className="field-description"> — {choice.description}</span>
            </span>
          </label>
        ))}
        <p id={`${ids}-loopback`} className="field-description">
          Addresses on this computer, such as the sandbox, are always reached directly.
        </p>
      </fieldset>
      {form.mode === 'manual' && (
        <div className="settings-proxy-fields">
          <TextField label="Proxy address" value={form.proxyUrl} onChange={form.setProxyUrl} error={form.addressError} placeholder="http://proxy.example.com:8080" spellCheck={false} />
          <div className="settings-sizes">
            <TextField label="Proxy user name" value={form.username} onChange={form.setUsername} autoComplete="off" spellCheck={false} description="Optional." />
            <TextField
              label="Proxy password"
              type="password"
              value={form.password}
              onChange={form.setPassword}
              autoComplete="new-password"
              placeholder={saved ? 'Saved (type to replace)' : ''}
              description={status?.proxyCredentialNote}
            />
          </div>
          {saved && (
            <button type="button" className="button button-quiet" onClick={() => void form.forgetPassword()}>
              Forget proxy password
            </button>
          )}
        </div>
      )}
      <div className="settings-certificates" role="group" aria-labelledby={`${ids}-certificates`}>
        <p id={`${ids}-certificates`} className="settings-subtitle">
          Extra trusted certificates
        </p>
        <p className="field-description">{status?.systemCertificatesNote}</p>
        {status?.certificates ? (
          <p className="settings-file">
            <span className="settings-path">{status.certificates.path}</span>
            {status.certificates.names.length > 0 && <span className="field-description"> — {status.certificates.names.join(', ')}</span>}
          </p>
        ) : (
          <p className="field-description">No extra file. If your company inspects HTTPS, choose the PEM file of its certificate.</p>
        )}
        {(status?.certificatesProblem || form.problem) && (
          <p className="field-error" role="alert">
            {status?.certificatesProblem ?? form.problem}
          </p>
        )}
        <div className="settings-row">
          <button type="button" className="button" onClick={() => void form.chooseCertificates()}>
            Choose certificates file…
          </button>
          {status?.certificates && (
            <button type="button" className="button button-quiet" onClick={() => void form.clearCertificates()}>
              Remove certificates file
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
