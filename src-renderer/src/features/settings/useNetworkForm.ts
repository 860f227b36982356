// Settings > Network's form state: the proxy choice and manual fields (saved with the rest of
// Settings), the write-only proxy password and the extra certificates file (each saved by its own
// network:* call, so neither ever comes back to the window).
import { useCallback, useState } from 'react';
import type { NetworkState, ProxyMode, Settings } from '@shared/contract';
import { api } from '../../api';

/** Empty, or http(s)://host:port without a path or login: what main accepts (contract.ts). */
export function proxyAddressProblem(text: string, mode: ProxyMode): string | null {
  const typed = text.trim();
  if (!typed) return mode === 'manual' ? 'Enter the proxy address, like http://proxy.example.com:8080.' : null;
  try {
    const url = new URL(typed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The proxy address must start with http:// or https://.';
    if (url.username || url.password) return 'Put the user name and password in their own fields, not in the address.';
    if (url.pathname !== '/' || url.search || url.hash) return 'Enter only the address and port, like http://proxy.example.com:8080, without a path.';
    return null;
  } catch {
    return 'This is not a proxy address; use the form http://proxy.example.com:8080.';
  }
}

export function useNetworkForm() {
  const [mode, setMode] = useState<ProxyMode>('system');
  const [proxyUrl, setProxyUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [addressError, setAddressError] = useState<string | null>(null);
  const [status, setStatus] = useState<NetworkState | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const take = useCallback((result: Awaited<ReturnType<ReturnType<typeof api>['network']['state']>>) => {
    if (!result.ok) return setProblem(result.error.message);
    setProblem(null);
    setStatus(result.data);
  }, []);

  /** Fills the form from saved settings and asks main what is saved and trusted. */
  const load = useCallback(
    (settings: Settings) => {
      setMode(settings.proxyMode);
      setProxyUrl(settings.proxyUrl);
      setUsername(settings.proxyUsername);
      setPassword('');
      setAddressError(null);
      setProblem(null);
      void api().network.state({}).then(take);
    },
    [take],
  );

  /** The settings fields to save, or null (with the field's error shown) when the address is wrong. */
  function fields(): Pick<Settings, 'proxyMode' | 'proxyUrl' | 'proxyUsername'> | null {
    const error = proxyAddressProblem(proxyUrl, mode);
    setAddressError(error);
    if (error) return null;
    const typed = proxyUrl.trim();
    return { proxyMode: mode, proxyUrl: typed ? new URL(typed).origin : '', proxyUsername: username.trim() };
  }

  /** After Settings are saved: a typed password is sealed for the proxy just saved, then cleared. */
  async function afterSave(): Promise<string | null> {
    if (!password) return null;
    const result = await api().network.saveProxyPassword({ password });
    if (!result.ok) return result.error.message;
    setPassword('');
    setStatus(result.data);
    return null;
  }

  return {
    mode,
    setMode,
    proxyUrl,
    setProxyUrl,
    username,
    setUsername,
    password,
    setPassword,
    addressError,
    status,
    problem,
    load,
    fields,
    afterSave,
    forgetPassword: async () => take(await api().network.forgetProxyPassword({})),
    chooseCertificates: async () => take(await api().network.chooseCertificates({})),
    clearCertificates: async () => take(await api().network.clearCertificates({})),
  };
}
export type NetworkForm = ReturnType<typeof useNetworkForm>;
