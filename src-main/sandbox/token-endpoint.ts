// POST /oauth2/token.php: password and refresh_token grants. Humanity documents no error format;
// this follows RFC 6749 with the messages of the PHP OAuth2 server library whose naming
// token.php matches (humanity-api.md §2.5).
import type { SandboxContext } from './context';
import { serviceUnavailablePage } from './faults';
import { jsonReply, type Params, type Reply } from './http-io';

function oauthError(status: number, error: string, description: string, headers?: Record<string, string>): Reply {
  return jsonReply(status, { error, error_description: description }, headers);
}

/** `body` is null when it could not be decoded. */
export function handleTokenRequest(context: SandboxContext, method: string, body: Params | null): Reply {
  if (context.faults.tokenEndpointDown) return serviceUnavailablePage();
  if (method !== 'POST') {
    return oauthError(405, 'invalid_request', 'The request method must be POST when requesting an access token', {
      allow: 'POST',
    });
  }
  if (body === null) return oauthError(400, 'invalid_request', 'The request body could not be decoded');
  const grantType = body.grant_type;
  if (!grantType) return oauthError(400, 'invalid_request', 'The grant type was not specified in the request');
  // A server without the refresh grant answers as for any grant it does not know.
  if ((grantType !== 'password' && grantType !== 'refresh_token') || (grantType === 'refresh_token' && context.tokens.refreshBehaviour === 'none')) {
    return oauthError(400, 'unsupported_grant_type', `Grant type "${grantType}" not supported`);
  }
  if (grantType === 'password') context.stats.passwordGrants += 1;
  else context.stats.refreshGrants += 1;

  const { credentials, tokens } = context;
  if (!body.client_id || !body.client_secret) {
    return oauthError(400, 'invalid_request', 'Missing parameters: "client_id" and "client_secret" required');
  }
  // HTTP 400 as the PHP library answers credentials sent in the body (401 is for HTTP Basic).
  if (body.client_id !== credentials.clientId || body.client_secret !== credentials.clientSecret) {
    return oauthError(400, 'invalid_client', 'The client credentials are invalid');
  }
  if (grantType === 'password') {
    if (!body.username || !body.password) {
      return oauthError(400, 'invalid_request', 'Missing parameters: "username" and "password" required');
    }
    // Usernames are email addresses, so letter case does not matter.
    const userOk = body.username.toLowerCase() === credentials.username.toLowerCase();
    if (!userOk || body.password !== credentials.password) {
      return oauthError(400, 'invalid_grant', 'Invalid username and password combination');
    }
    return jsonReply(200, tokens.issue());
  }
  if (!body.refresh_token) {
    return oauthError(400, 'invalid_request', 'Missing parameter: "refresh_token" is required');
  }
  const renewed = tokens.redeem(body.refresh_token);
  return renewed ? jsonReply(200, renewed) : oauthError(400, 'invalid_grant', 'Invalid refresh token');
}
