// The preload exposes only `window.api`, built from the contract: named methods, no generic
// invoke, no ipcRenderer, no process or shell.
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/build-api';

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
