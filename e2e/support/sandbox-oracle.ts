// An independent oracle for specs: the sandbox asked directly over HTTP with a token of our own,
// so what the app shows is checked against what the sandbox holds, not against the app itself.
import { sandboxToken } from '../../src-main/testing/sandbox-shifts';

export { sandboxToken };

/** The envelope's `data` for `/api/v2/<path>` with these query parameters. */
export async function sandboxData(url: string, path: string, query: Record<string, string>): Promise<unknown> {
  const params = new URLSearchParams({ ...query, access_token: await sandboxToken(url) });
  return ((await (await fetch(`${url}/api/v2/${path}?${params}`)).json()) as { data: unknown }).data;
}
