// What the About dialog shows: name, version, platform, and the licenses of what ships.
import licenses from './third-party-licenses.json' with { type: 'json' };

export function appInfo(version: string, platform: string) {
  return { name: 'Humanity API Explorer', version, platform, licenses };
}
