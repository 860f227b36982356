// The `request` channel over the request runner (src-main/http/): Send and Cancel, and "Save to
// file", which asks where before the request goes out again. Each call takes the session's
// token source at the moment it runs.
import type { Handlers } from '../shared/contract';
import type { RequestRunner, TokenSource } from '../http/request-runner';
import { JSON_FILES, type FileSaver } from '../export/file-saver';

export interface RequestChannelDeps {
  runner: Pick<RequestRunner, 'send' | 'cancel' | 'download'>;
  tokenSource(): TokenSource;
  files: Pick<FileSaver, 'pick'>;
}

export function createRequestChannel({ runner, tokenSource, files }: RequestChannelDeps) {
  return {
    // Each answer says which account it came from (docs/architecture.md, "Accounts").
    async send(input) {
      const source = tokenSource();
      return { ...(await runner.send(source, input)), account: source.account ?? null };
    },
    cancel: ({ requestId }) => ({ cancelled: runner.cancel(requestId) }),
    async download(input) {
      const path = await files.pick('Save the answer to a file', 'json', JSON_FILES);
      if (!path) return { saved: false, path: '', bytes: 0 };
      return { saved: true, path, bytes: await runner.download(tokenSource(), input, path) };
    },
  } satisfies Handlers['request'];
}
