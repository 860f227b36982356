import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appInfo, createAppService } from './app-info';

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { dependencies: Record<string, string> };

describe('About information', () => {
  it('lists every shipped dependency at its installed version with a license (run scripts/licenses.mjs when stale)', () => {
    const { licenses } = appInfo('1.2.3', 'linux');
    for (const [name, version] of Object.entries(pkg.dependencies)) {
      expect(licenses.find((entry) => entry.name === name)?.version, name).toBe(version);
    }
    expect(licenses.every((entry) => entry.license.length > 0)).toBe(true);
  });

  it('names the app and its version', () => {
    expect(appInfo('1.2.3', 'linux')).toMatchObject({ name: 'Humanity API Explorer', version: '1.2.3', platform: 'linux' });
  });
});

describe('createAppService', () => {
  it('answers app:info with the version and platform it was made with', () => {
    expect(createAppService({ version: '2.0.0', platform: 'darwin' }).info()).toMatchObject({ name: 'Humanity API Explorer', version: '2.0.0', platform: 'darwin' });
  });
});
