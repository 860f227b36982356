// The one value the steps of the request pipeline pass on (docs/architecture.md, "The request
// pipeline"), and what each step gives back.
import type { Settings } from '../shared/contract';
import type { BodyHandling, Decoded } from './body-handling';
import type { EncodedBody } from './encode-body';
import type { HttpResponse, HttpSend } from './http-client';
import type { TokenSource } from './request-runner';

/** One request on its way: what is sent, how its body is read, what stops it, whose token it carries. */
export interface Exchange<P, D extends Decoded> {
  readonly url: URL;
  readonly method: string;
  readonly body: EncodedBody | null;
  readonly handling: BodyHandling<P, D>;
  /** Stops the request; it follows the session's signal (and a pull's), and takes the timeout. */
  readonly controller: AbortController;
  readonly source: TokenSource;
}

/** What the steps use from the app; settings are read when a step runs, as they are then. */
export interface PipelineDeps {
  http: HttpSend;
  settings(): Pick<Settings, 'tokenDelivery' | 'timeoutSeconds' | 'retrySafeRequests'>;
}

/** The response a request ended with, its body read but not decoded. */
export interface RawResponse<P> {
  response: HttpResponse;
  payload: P;
  /** Where it came from, with the token when it went in the query (redacted before it is shown). */
  url: URL;
  /** Why a redirect was not followed, in words; null when none was refused. */
  note: string | null;
}

/** The response a request ended with, its body decoded; `refreshed` when the token was renewed on the way. */
export interface Exchanged<D> {
  response: HttpResponse;
  url: URL;
  note: string | null;
  decoded: D;
  refreshed: boolean;
}

/** Sends an exchange with the given token: the redirects step. */
export type SendWithToken = <P, D extends Decoded>(exchange: Exchange<P, D>, token: string) => Promise<RawResponse<P>>;

/** Sends an exchange to its decoded response: the token retry step, and the safe retry step around it. */
export type SendExchange = <P, D extends Decoded>(exchange: Exchange<P, D>) => Promise<Exchanged<D>>;
