// What the About dialog shows: name, version, platform, and the licenses of what ships.
import type { Handlers } from '../shared/contract';
import licenses from './third-party-licenses.json' with { type: 'json' };

export function appInfo(version: string, platform: string) {
  return { name: 'Humanity API Explorer', version, platform, licenses };
}

/** The `app` channel. */
export function createAppService({ version, platform }: { version: string; platform: string }) {
  return { info: () => appInfo(version, platform) } satisfies Handlers['app'];
}
