import type { Settings } from '../shared/contract';
import { settingsShape } from '../shared/contract';
import { openDocumentStore, type DocumentStore, type StoreContext } from '../store/document-store';

export const DEFAULT_SETTINGS: Settings = {
  tokenDelivery: 'query',
  timeoutSeconds: 60,
  historyLimit: 1000,
  historyBodyLimitKB: 512,
  readOnly: false,
  companies: [],
  activeCompanyId: null,
  maxResponseMB: 512,
  theme: 'system',
  retrySafeRequests: true,
  memoryBudgetMB: 256,
  proxyMode: 'system',
  proxyUrl: '',
  proxyUsername: '',
  extraCertificatesFile: null,
};

export function openSettingsStore(ctx: StoreContext): DocumentStore<Settings> {
  return openDocumentStore(ctx, {
    name: 'settings',
    label: 'Settings',
    version: 1,
    // Fields added later fall back to their defaults instead of invalidating the file.
    schema: settingsShape.partial().transform((value) => ({ ...DEFAULT_SETTINGS, ...value })),
    defaults: DEFAULT_SETTINGS,
  });
}
