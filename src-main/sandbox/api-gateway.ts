// What happens to every /api/v2 request: count it, apply armed faults, check the access token,
// route it, wrap the outcome in the envelope.
import { routeApiCall } from './api-routes';
import type { SandboxContext } from './context';
import { envelopeReply, failure, Status } from './envelope';
import { faultReply, truncated } from './faults';
import { jsonReply, type Params, type Reply } from './http-io';

/** Tells the server to destroy the socket without answering. */
export const DROP = Symbol('drop');

export interface ApiCall {
  readonly method: string;
  /** Relative to /api/v2. */
  readonly path: string;
  readonly query: Params;
  /** null when the body could not be decoded. */
  readonly body: Params | null;
  readonly authorization: string | undefined;
}

export function handleApiCall(context: SandboxContext, call: ApiCall): Reply | typeof DROP {
  context.stats.apiCalls += 1;
  const token = presentedToken(call);
  // Faults act in front of the application (like a proxy or gateway), before the token check.
  const fault = context.faults.takeApiFault();
  if (fault?.kind === 'drop') return DROP;
  if (fault?.kind === 'fail' || fault?.kind === 'rateLimit') return faultReply(fault, token);
  const reply = authorisedCall(context, call, token);
  return fault?.kind === 'malformed' ? truncated(reply) : reply;
}

/** The `access_token` query parameter wins over an `Authorization: Bearer` header. */
function presentedToken(call: ApiCall): string | null {
  const fromQuery = call.query.access_token;
  if (fromQuery) return fromQuery;
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(call.authorization ?? '');
  return bearer ? bearer[1] : null;
}

function authorisedCall(context: SandboxContext, call: ApiCall, token: string | null): Reply {
  if (token === null || !context.tokens.isAccessValid(token)) {
    context.stats.rejectedTokens += 1;
    return rejectToken(context, token);
  }
  if (call.body === null) {
    return envelopeReply(
      failure(Status.invalidParameters, 'The request body could not be decoded (invalid JSON)'),
      token,
    );
  }
  const request = { params: { ...call.query, ...call.body }, org: context.org, now: context.clock() };
  return envelopeReply(routeApiCall(call.method, call.path, request), token);
}

function rejectToken(context: SandboxContext, token: string | null): Reply {
  if (context.authErrorStyle === 'status3') {
    return envelopeReply(failure(Status.invalidToken, 'Invalid token key - please re-authenticate'), token);
  }
  const body = { error: 'invalid_token', error_description: 'The access token provided is invalid or has expired' };
  return jsonReply(401, body, { 'www-authenticate': 'Bearer error="invalid_token"' });
}
