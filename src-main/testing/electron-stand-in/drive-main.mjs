// Starts the built main bundle on the recording electron stand-in, drives it as Electron and the
// window would, and prints what it saw as one line `REPORT <json>` (main logs to stdout too).
// src-main/composition-root.test.ts runs it in a child process, so the module hook stays there.
// argv[2]: JSON { bundle, userData, pageUrl, probeUrls: string[], foreignFrames: {url, parent}[] }.
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./resolve-electron.mjs', import.meta.url);
const { app, standIn } = await import('./electron.mjs');
const options = JSON.parse(process.argv[2]);

async function until(condition, what) {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5000) throw new Error(`${what} did not happen within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

standIn.userData = options.userData;
await import(pathToFileURL(options.bundle).href);
const beforeReady = { calls: [...standIn.calls], privilegedSchemes: [...standIn.privilegedSchemes] };
standIn.becomeReady();
await until(() => standIn.windows.length > 0, 'the window');

const scheme = new URL(options.pageUrl).protocol.slice(0, -1);
const serve = standIn.protocolHandlers.get(scheme);
const probes = [];
for (const url of options.probeUrls) {
  const response = await serve(new Request(url));
  probes.push({ url, status: response.status, type: response.headers.get('content-type'), bytes: (await response.arrayBuffer()).byteLength });
}

const [win] = standIn.windows;
const guards = {};
for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) };
  win.webContents.emit(name, event, 'https://example.com/');
  guards[name] = event.prevented;
}
guards.windowOpen = win.webContents.windowOpenHandler({ url: 'https://example.com/' });

let permissionGranted = null;
standIn.permissionHandlers.request(win.webContents, 'media', (granted) => (permissionGranted = granted));
const permissions = { request: permissionGranted, check: standIn.permissionHandlers.check(win.webContents, 'media') };

// What ipcMain hands a handler: the event's senderFrame, as the real IPC path reads it.
const call = (channel, senderFrame, input = {}) => standIn.ipcHandlers.get(channel)({ senderFrame }, input);
const page = { url: options.pageUrl, parent: null };
const signIn = await call('auth:sandbox', page);
const sent = await call('request:send', page, { requestId: 'r1', method: 'GET', path: 'me', query: [], body: { kind: 'none' } });
const ipc = {
  appInfo: await call('app:info', page),
  signIn,
  sent,
  tree: sent.ok ? await call('response:tree', page, { responseId: sent.data.responseId, expanded: [''], offset: 0, limit: 20 }) : null,
  foreign: [],
};
// exceljs runs from the built bundle: a list answer exported as a workbook through the save dialog.
const employees = await call('request:send', page, { requestId: 'r2', method: 'GET', path: 'employees', query: [], body: { kind: 'none' } });
ipc.xlsx = employees.ok ? await call('export:responseXlsx', page, { responseId: employees.data.responseId, pointer: '' }) : employees;
// Not loopback, so the System proxy choice asks the session, and the answer's proxy is taken.
const remote = { host: 'https://humanity-explorer.invalid', appId: 'a', appSecret: 's', username: 'u', password: 'p', redirectUri: '', rememberPassword: false };
const proxied = { answer: await call('auth:login', page, remote), questions: standIn.proxyQuestions };
for (const frame of [...options.foreignFrames, null]) ipc.foreign.push({ frame, answer: await call('app:info', frame) });

const quitEvent = { prevented: false, preventDefault: () => (quitEvent.prevented = true) };
app.emit('will-quit', quitEvent);
await until(() => standIn.calls.some((c) => c.name === 'app.quit'), 'app.quit after dispose');
const sandboxAnswers = signIn.ok ? await fetch(`${signIn.data.host}/api/v2/me`).then(() => true, () => false) : null;

const report = {
  beforeReady,
  calls: standIn.calls,
  handledSchemes: [...standIn.protocolHandlers.keys()],
  probes,
  windows: standIn.windows.map((w) => ({ options: w.options, loaded: w.loaded })),
  guards,
  permissions,
  ipcChannels: [...standIn.ipcHandlers.keys()],
  ipc,
  proxied,
  quit: { prevented: quitEvent.prevented, sandboxAnswersAfterQuit: sandboxAnswers },
};
console.log(`REPORT ${JSON.stringify(report)}`);
process.exit(0);
