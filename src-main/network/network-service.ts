// Settings > Network in main: the HTTP client built with the chosen proxy and the trusted
// certificates, and the network:* channels (docs/architecture.md, "Networks: proxies and
// certificates").
import type { Handlers, NetworkState, Settings } from '../shared/contract';
import { AppError } from '../shared/app-error';
import { createHttpClient, type HttpSend } from '../http/http-client';
import { Dispatchers } from './dispatchers';
import type { NativeDialogs } from '../ports/native';
import type { Redactor } from '../redaction/redactor';
import type { DocumentStore, StoreContext } from '../store/document-store';
import type { Vault } from '../vault/vault';
import type { Environment } from './env-proxy';
import { createProxyPasswordKeeper, proxyBinding, type ProxyCredentialState } from './proxy-password';
import type { SystemProxyPort } from './proxy-route';
import { createRouteFor } from './route-for';
import { createTrustStore, readExtraCertificates } from './trust-store';

export interface NetworkDeps {
  ctx: StoreContext;
  vault: Vault;
  redactor: Redactor;
  settings: Pick<DocumentStore<Settings>, 'read' | 'write'>;
  dialogs: NativeDialogs;
  env: Environment;
  systemProxy?: SystemProxyPort;
}

const CREDENTIAL_NOTES: Record<ProxyCredentialState, string> = {
  none: 'No proxy password saved.',
  encrypted: 'Password saved, encrypted with the system key store.',
  memory: 'Password kept in memory until you quit: this computer offers no protected key store.',
  'other-proxy': 'The saved password was given for another proxy address or user name: enter it again.',
};

export interface NetworkService {
  http: HttpSend;
  handlers: Handlers['network'];
  /** Closes every kept connection (at quit), once the requests on them are done. */
  close(): Promise<void>;
}

export function createNetworkService(deps: NetworkDeps): NetworkService {
  const passwords = createProxyPasswordKeeper({ ctx: deps.ctx, vault: deps.vault, redactor: deps.redactor });
  const trust = createTrustStore(() => deps.settings.read().extraCertificatesFile);
  const dispatchers = new Dispatchers();
  const http = createHttpClient({
    routeFor: createRouteFor({ settings: deps.settings.read, env: deps.env, systemProxy: deps.systemProxy, passwords, redactor: deps.redactor }),
    trust,
    dispatchers,
  });
  const binding = () => {
    const { proxyUrl, proxyUsername } = deps.settings.read();
    return proxyUrl && proxyUsername ? proxyBinding(proxyUrl, proxyUsername) : null;
  };
  const systemCertificatesNote = () =>
    trust.base().fromSystem > 0
      ? `Trusted: the ${trust.base().fromSystem} certificates of this computer's certificate store and the usual public roots.`
      : "Trusted: the usual public roots. This computer's certificate store cannot be read here, so add your company's certificate below if it inspects HTTPS.";

  async function state(): Promise<NetworkState> {
    const bound = binding();
    const proxyCredential = bound ? await passwords.state(bound) : 'none';
    const path = deps.settings.read().extraCertificatesFile;
    let certificates: NetworkState['certificates'] = null;
    let certificatesProblem: string | null = null;
    if (path) {
      certificates = { path, names: [] };
      try {
        certificates.names = (await readExtraCertificates(path)).names;
      } catch (error) {
        certificatesProblem = (error as Error).message;
      }
    }
    return { proxyCredential, proxyCredentialNote: CREDENTIAL_NOTES[proxyCredential], certificates, certificatesProblem, systemCertificatesNote: systemCertificatesNote() };
  }

  const setCertificatesFile = (path: string | null) => deps.settings.write({ ...deps.settings.read(), extraCertificatesFile: path });

  return {
    http,
    close: () => dispatchers.close(),
    handlers: {
      state,
      async saveProxyPassword({ password }) {
        const bound = binding();
        if (!bound) throw new AppError('invalid_input', 'Enter and save the proxy address and user name first; the password is kept for that proxy only.');
        await passwords.save(password, bound);
        return state();
      },
      async forgetProxyPassword() {
        passwords.forget();
        return state();
      },
      async chooseCertificates() {
        const path = await deps.dialogs.openFile({
          title: 'Extra trusted certificates',
          filters: [
            { name: 'Certificates (PEM)', extensions: ['pem', 'crt', 'cer'] },
            { name: 'All files', extensions: ['*'] },
          ],
        });
        if (path === null) return state();
        // Checked before Settings names it: a bad file changes nothing.
        await readExtraCertificates(path);
        setCertificatesFile(path);
        return state();
      },
      async clearCertificates() {
        setCertificatesFile(null);
        return state();
      },
    },
  };
}
