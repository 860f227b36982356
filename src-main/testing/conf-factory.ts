// Test-side store factory: `conf` (electron-store's base class) on a real folder.
import Conf from 'conf';
import type { ConfFactory } from '../store/document-store';

export function createConfFactory(): ConfFactory {
  return (options) =>
    new Conf({
      projectName: 'humanity-api-explorer-test',
      cwd: options.cwd,
      configName: options.name,
      defaults: options.defaults,
      configFileMode: options.configFileMode,
    });
}
