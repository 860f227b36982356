// The `history` channel: the history service, with each reopened answer noted with its request
// and the account that sent it, for the About sheet of an Excel export (docs/architecture.md, "Exports").
import type { AccountView, Handlers } from '../shared/contract';
import type { HistoryService } from '../history/history-service';
import { reopenedAccount, type ResponseOrigins } from '../export/response-origins';

export interface HistoryChannelDeps {
  history: HistoryService;
  origins: Pick<ResponseOrigins, 'note'>;
  /** The saved accounts, for the username of the one an entry names. */
  accounts(): Promise<readonly AccountView[]>;
}

export function createHistoryChannel({ history, origins, accounts }: HistoryChannelDeps) {
  return {
    ...history,
    async open(input) {
      const opened = await history.open(input);
      const summary = opened.summary && origins.note(opened.summary, reopenedAccount(opened.summary, await accounts()));
      return { ...opened, summary };
    },
  } satisfies Handlers['history'];
}
