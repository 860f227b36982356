// Everything one sandbox server holds, shared by its token endpoint and its API.
import type { FaultSwitches } from './faults';
import type { Org } from './org-state';
import type { TokenStore } from './token-store';
import type { AuthErrorStyle, SandboxLogEntry, SandboxStats } from './types';

export interface Credentials {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly username: string;
  readonly password: string;
}

export interface SandboxContext {
  readonly clock: () => number;
  readonly credentials: Credentials;
  readonly tokens: TokenStore;
  readonly faults: FaultSwitches;
  readonly org: Org;
  readonly stats: SandboxStats;
  readonly requestLog: SandboxLogEntry[];
  authErrorStyle: AuthErrorStyle;
}
