// The preload exposes only `window.api`, built from the contract: named methods, no generic
// invoke, no ipcRenderer, no process or shell.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/build-api';
import { COMMAND_EVENT } from '../shared/channels';

contextBridge.exposeInMainWorld(
  'api',
  buildApi(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (listener) => {
      // The IPC event object never reaches the page: only the payload does.
      const handler = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(COMMAND_EVENT, handler);
      return () => void ipcRenderer.removeListener(COMMAND_EVENT, handler);
    },
  ),
);
