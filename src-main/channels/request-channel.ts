// The `request` channel over the request runner (src-main/http/): Send and Cancel, and "Save to
// file", which asks where before the request goes out again. Each call takes the session's
// token source at the moment it runs; each answer's request and account are noted for the About
// sheet of an Excel export (docs/architecture.md, "Exports").
import type { Handlers } from '../shared/contract';
import type { RequestRunner, TokenSource } from '../http/request-runner';
import { JSON_FILES, type FileSaver } from '../export/file-saver';
import type { ResponseOrigins } from '../export/response-origins';

export interface RequestChannelDeps {
  runner: Pick<RequestRunner, 'send' | 'cancel' | 'download'>;
  tokenSource(): TokenSource;
  files: Pick<FileSaver, 'pick'>;
  origins: Pick<ResponseOrigins, 'note'>;
}

export function createRequestChannel({ runner, tokenSource, files, origins }: RequestChannelDeps) {
  return {
    // Each answer says which account it came from (docs/architecture.md, "Accounts"), and main
    // notes which request it answered (the About sheet of an Excel export).
    async send(input) {
      const source = tokenSource();
      const summary = origins.note(await runner.send(source, input), { host: source.host, username: source.username ?? null });
      return { ...summary, account: source.account ?? null };
    },
    cancel: ({ requestId }) => ({ cancelled: runner.cancel(requestId) }),
    async download(input) {
      const path = await files.pick('Save the answer to a file', 'json', JSON_FILES);
      if (!path) return { saved: false, path: '', bytes: 0 };
      return { saved: true, path, bytes: await runner.download(tokenSource(), input, path) };
    },
  } satisfies Handlers['request'];
}
