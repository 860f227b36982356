// The signed-in user's name for the session bar, from GET /me (an employee record).
import type { RequestRunner, TokenSource } from '../http/request-runner';
import type { CurrentUser } from './auth-service';

export async function readCurrentUser(runner: RequestRunner, source: TokenSource): Promise<CurrentUser> {
  const body = (await runner.getJson(source, 'me')) as { status?: unknown; data?: Record<string, unknown> } | undefined;
  const me = body?.data;
  if (!me || typeof me !== 'object') throw new Error('GET /me returned no employee');
  const fullName = [me.firstname, me.lastname].filter((part) => typeof part === 'string' && part).join(' ');
  const name = typeof me.name === 'string' && me.name ? me.name : fullName;
  return { id: me.id === undefined ? '' : String(me.id), name };
}
