// The `auth` and `accounts` channels over the session keeper (src-main/auth/auth-service.ts), whose
// methods keep their own names and argument order; logging is the router's (channel-logs.ts).
import type { Handlers } from '../shared/contract';
import type { AuthService } from '../auth/auth-service';

type AuthVerbs = 'state' | 'login' | 'loginSandbox' | 'reauth' | 'cancelReauth' | 'logout' | 'switchTo' | 'addAccount' | 'renameAccount' | 'removeAccount';

export function createAuthChannels(auth: Pick<AuthService, AuthVerbs>): Pick<Handlers, 'auth' | 'accounts'> {
  return {
    auth: {
      state: () => auth.state(),
      login: (input) => auth.login(input),
      sandbox: () => auth.loginSandbox(),
      reauth: ({ password, remember }) => auth.reauth(password, remember),
      cancelReauth: () => auth.cancelReauth(),
      logout: () => auth.logout(),
    },
    accounts: {
      switch: ({ id }) => auth.switchTo(id),
      add: () => auth.addAccount(),
      rename: ({ id, name }) => auth.renameAccount(id, name),
      remove: ({ id }) => auth.removeAccount(id),
    },
  };
}
