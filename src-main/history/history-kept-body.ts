// A response body on its way to a history body file: read from the response store when the
// request is recorded, redacted again and checked against the size cap when saved, with the
// summary as the body's whole parse found it.
import type { ResponseSummary } from '../shared/contract';
import type { Redactor } from '../redaction/redactor';
import { redactStrings } from '../redaction/redact-strings';
import type { KeptBody } from './history-bodies';
import { asParsed, type Recorded } from './history-entry';

export interface PendingBody {
  summary: ResponseSummary;
  limitBytes: number;
  text: Promise<string | null>;
  /** Whether the body is JSON, once its whole parse is done (BodySource.isJson). */
  isJson: Promise<boolean>;
}

/** The body to keep, or null when there is none or it is over the cap (known before reading it). */
export function pendingBody({ summary, body }: Recorded, limitKB: number): PendingBody | null {
  const limitBytes = limitKB * 1024;
  if (!summary || !body || body.sizeBytes > limitBytes) return null;
  return { summary, limitBytes, text: body.readText().catch(() => null), isJson: body.isJson() };
}

/**
 * What goes in the body file. Body, URL and headers were redacted when the response arrived;
 * this second pass (the file must never hold a secret) runs when saving, off the request's path.
 */
export async function toKeep({ summary, limitBytes, text, isJson }: PendingBody, redactor: Redactor): Promise<KeptBody | null> {
  const [read, json] = await Promise.all([text, isJson]);
  if (read === null) return null;
  const redacted = redactor.redact(read);
  if (Buffer.byteLength(redacted, 'utf8') > limitBytes) return null;
  const { httpStatus, statusText, url, envelope, headers, contentType, bodyKind, refreshed } = asParsed(summary, json);
  return { response: redactStrings({ httpStatus, statusText, url, envelope, headers, contentType, bodyKind, refreshed }, redactor.redact), text: redacted };
}
