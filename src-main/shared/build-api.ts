// Builds `window.api` from the contract over one invoke function. The preload passes
// ipcRenderer.invoke; the e2e harness evaluates the same preload bundle over its IPC stand-in.
import { APP_COMMANDS, channelNames, type AppCommand, type ChannelName } from './channels';
import type { Result, WindowApi } from './contract';

export type Invoke = (channel: ChannelName, input: unknown) => Promise<unknown>;
/** Registers a listener for main's command events; returns the unsubscribe function. */
export type SubscribeCommands = (listener: (payload: unknown) => void) => () => void;

export function buildApi(invoke: Invoke, subscribe: SubscribeCommands): WindowApi {
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
  const events = {
    onCommand(listener: (command: AppCommand) => void) {
      // Only known command names reach the page, whatever arrives on the channel.
      return subscribe((payload) => {
        if (typeof payload === 'string' && (APP_COMMANDS as readonly string[]).includes(payload)) listener(payload as AppCommand);
      });
    },
  };
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze({ ...api, events: Object.freeze(events) }) as unknown as WindowApi;
}
