// What "Confirm change" names: a write as it will be sent, and the company it goes to.
import type { HttpMethod, RequestInput, SavedRequest, Settings } from '@shared/contract';

/** A write about to leave for a real account, as it will be sent (variables filled in). */
export type PendingWrite = {
  method: HttpMethod;
  /** `/api/v2/...?query`, without the host. */
  path: string;
  /** The body as sent: form lines or JSON text; empty when there is none. */
  body: string;
};

/** The write as main will send it: `resolved` and `url` are the variables preview, when it answered. */
export function pendingWrite(input: RequestInput, resolved: SavedRequest, url: string): PendingWrite {
  const { body } = resolved;
  return {
    method: input.method,
    // Without the host: the dialog names the account separately.
    path: url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+/i, ''),
    body:
      body.kind === 'json' ? body.text
      : body.kind === 'form' ? body.fields.filter((field) => field.enabled).map((field) => `${field.name}=${field.value}`).join('\n')
      : '',
  };
}

/** The group-account company requests go to, as "Name (id)", or null for the parent account. */
export function companyName(settings: Settings | null): string | null {
  const id = settings?.activeCompanyId;
  if (!id) return null;
  const company = settings.companies.find((listed) => listed.id === id);
  return company ? `${company.name} (child_company_id ${id})` : `child_company_id ${id}`;
}
