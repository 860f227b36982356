// An independent oracle for specs: the sandbox asked directly over HTTP with a token of our own,
// so what the app shows is checked against what the sandbox holds, not against the app itself.
import { SANDBOX_DEMO } from '../../src-main/sandbox/server';

export async function sandboxToken(url: string): Promise<string> {
  const answer = await fetch(`${url}/oauth2/token.php`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: SANDBOX_DEMO.clientId,
      client_secret: SANDBOX_DEMO.clientSecret,
      username: SANDBOX_DEMO.username,
      password: SANDBOX_DEMO.password,
    }),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

/** The envelope's `data` for `/api/v2/<path>` with these query parameters. */
export async function sandboxData(url: string, path: string, query: Record<string, string>): Promise<unknown> {
  const params = new URLSearchParams({ ...query, access_token: await sandboxToken(url) });
  return ((await (await fetch(`${url}/api/v2/${path}?${params}`)).json()) as { data: unknown }).data;
}
