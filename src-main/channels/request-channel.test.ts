// The request channel over a recording runner: which session each call takes, when "Save to file"
// asks where, and that each answer's request is noted for an Excel export's About sheet.
import { describe, expect, it } from 'vitest';
import type { RequestInput, ResponseSummary } from '../shared/contract';
import type { TokenSource } from '../http/request-runner';
import { createResponseOrigins } from '../export/response-origins';
import { createRequestChannel } from './request-channel';

const input: RequestInput = { requestId: 'r1', method: 'GET', path: 'employees', query: [], body: { kind: 'none' } };

function setup(chosenPath: string | null) {
  const calls: string[] = [];
  let session = 0;
  const tokenSource = () => {
    session += 1;
    calls.push(`session ${session}`);
    return { host: `h${session}`, username: `user${session}`, account: { id: `a${session}`, name: `Account ${session}` } } as TokenSource;
  };
  const runner = {
    send: async (source: TokenSource, request: RequestInput) => {
      calls.push(`send ${request.path} on ${source.host}`);
      return { httpStatus: 200, responseId: 'a1', method: request.method, url: `https://${source.host}/api/v2/${request.path}?access_token=%5BREDACTED%5D&status=1` } as ResponseSummary;
    },
    cancel: (requestId: string) => {
      calls.push(`cancel ${requestId}`);
      return requestId === 'r1';
    },
    download: async (source: TokenSource, request: RequestInput, path: string) => {
      calls.push(`download ${request.path} on ${source.host} to ${path}`);
      return 1234;
    },
  };
  const files = {
    pick: async (title: string, extension: string) => {
      calls.push(`pick ${extension}: ${title}`);
      return chosenPath;
    },
  };
  const origins = createResponseOrigins();
  return { calls, origins, channel: createRequestChannel({ runner, tokenSource, files, origins }) };
}

describe('request channel', () => {
  it('sends on the session of the moment, names its account (noted for exports), and cancels by request id', async () => {
    const { calls, channel, origins } = setup(null);
    expect(await channel.send(input)).toMatchObject({ httpStatus: 200, responseId: 'a1', account: { id: 'a1', name: 'Account 1' } });
    expect(origins.of('a1')).toEqual({ request: 'GET /api/v2/employees?status=1', account: { host: 'h1', username: 'user1' } });
    expect(channel.cancel({ requestId: 'r1' })).toEqual({ cancelled: true });
    expect(channel.cancel({ requestId: 'r9' })).toEqual({ cancelled: false });
    expect(calls).toEqual(['session 1', 'send employees on h1', 'cancel r1', 'cancel r9']);
  });

  it('asks where to save before sending again, and writes there', async () => {
    const { calls, channel } = setup('/tmp/answer.json');
    expect(await channel.download(input)).toEqual({ saved: true, path: '/tmp/answer.json', bytes: 1234 });
    expect(calls).toEqual(['pick json: Save the answer to a file', 'session 1', 'download employees on h1 to /tmp/answer.json']);
  });

  it('sends nothing when the user cancels the dialog', async () => {
    const { calls, channel } = setup(null);
    expect(await channel.download(input)).toEqual({ saved: false, path: '', bytes: 0 });
    expect(calls).toEqual(['pick json: Save the answer to a file']);
  });
});
