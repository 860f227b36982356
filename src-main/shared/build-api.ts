// Builds `window.api` from the contract over one invoke function. The preload passes
// ipcRenderer.invoke; the e2e harness evaluates the same preload bundle over a Playwright binding.
import { channelNames, type ChannelName } from './channels';
import type { Api, Result } from './contract';

export type Invoke = (channel: ChannelName, input: unknown) => Promise<unknown>;

export function buildApi(invoke: Invoke): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of channelNames()) {
    const [domain, verb] = name.split(':') as [string, string];
    api[domain] ??= {};
    api[domain][verb] = async (input: unknown) => {
      try {
        return (await invoke(name, input ?? {})) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: 'The app could not reach its main process. Restart the app.' } };
      }
    };
  }
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze(api) as unknown as Api;
}
