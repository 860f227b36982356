// What the main log says about each user-visible action, one describer per channel (the router
// applies them: src-main/ipc/logging-middleware.ts). Data table.
import type { ChannelLogs } from '../ipc/logging-middleware';

export const CHANNEL_LOGS: ChannelLogs = {
  'auth:login': { action: ({ host, username }) => `Sign-in to ${host} as ${username}` },
  'auth:sandbox': { action: () => 'Sign-in to the sandbox' },
  'auth:reauth': { action: () => 'Sign-in again' },
  'auth:cancelReauth': { action: () => 'Sign-in again declined' },
  'auth:logout': { action: () => 'Sign-out' },
  'accounts:switch': { action: () => 'Switch account' },
  'accounts:remove': { action: () => 'Remove account' },
  'request:send': {
    action: ({ method, path }) => `${method} /${path}`,
    outcome: (summary) => `${summary.httpStatus}, ${summary.outcome}, ${summary.sizeBytes} bytes in ${summary.durationMs} ms`,
  },
  'compare:start': { action: () => 'Compare two responses', outcome: (summary) => `${summary.counts.rows} differences` },
  'compare:export': { action: ({ format }) => `Comparison export as ${format.toUpperCase()}` },
};
