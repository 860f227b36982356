// Sign-in, restore, sign-in-again and sign-out. Owns the one Session and decides what is stored:
// secrets only as vault ciphertext and only with a protected vault; never for the sandbox.
import { AppError } from '../shared/app-error';
import type { AuthState, CredentialsInput, ProfileView, SessionView } from '../shared/contract';
import { accountViewOf, type AccountStore } from '../accounts/account-store';
import type { Redactor } from '../redaction/redactor';
import type { TokenSource } from '../http/request-runner';
import { normalizeHost } from '../http/url-rules';
import { VaultDecryptError, type Vault, type VaultStatus } from '../vault/vault';
import type { SealedSecrets, StoredProfile } from './auth-store';
import { Session } from './session';
import type { ClientCredentials, TokenClient, TokenSet } from './token-client';

export interface SandboxCredentials {
  host: string;
  appId: string;
  appSecret: string;
  username: string;
  password: string;
}

export interface CurrentUser {
  id: string;
  name: string;
}

export interface AuthServiceDeps {
  tokens: TokenClient;
  vault: Vault;
  /** The saved accounts; read()/write() are the current account's sign-in. */
  store: AccountStore;
  redactor: Redactor;
  now(): number;
  notify(message: string): void;
  notices(): string[];
  startSandbox(): Promise<SandboxCredentials>;
  loadUser(source: TokenSource): Promise<CurrentUser>;
  /** Drops everything that belonged to the session (kept responses, ...). */
  onSignedOut(): void;
  /** Another account was chosen: drops what only the old session could use (its pulls). */
  onSwitched(accountId: string | null): void;
  /** An account was removed: what was tied to it is untied. */
  onRemoved(accountId: string): void;
  /** The session started or stopped waiting for the password: main tells the window. */
  onNeedsSignInChanged(): void;
  /** The session renewed itself (its expiry changed): main tells the window. */
  onRenewed(): void;
}

const FIELD_LABELS: Array<['appId' | 'appSecret' | 'username' | 'password', string]> = [
  ['appId', 'App ID'],
  ['appSecret', 'App Secret'],
  ['username', 'Username'],
  ['password', 'Password'],
];

export class AuthService {
  private session: Session | null = null;
  /** Bumped whenever a session ends: a sign-in or restore that started before is dropped. */
  private generation = 0;
  private profile: StoredProfile | null;
  private encrypted = false;
  /** The refresh token as last sealed to disk: only a different one is written again. */
  private sealedRefreshToken: string | null = null;
  /** Per account, what a memory-only vault keeps until quit, so switching back asks for less. */
  private readonly inMemory = new Map<string, { appSecret: string; password: string | null }>();

  constructor(private readonly deps: AuthServiceDeps) {
    this.profile = deps.store.read().profile;
  }

  /** Restores a saved sign-in at start-up; any problem means "sign in again", never a crash. */
  async restore(): Promise<void> {
    const started = this.generation;
    const doc = this.deps.store.read();
    const accountId = this.deps.store.current()?.id;
    if (!doc.profile || !doc.secrets || !accountId) return;
    const vault = await this.deps.vault.status();
    this.stillCurrent(started);
    // `profile`: what the setup form is filled with; never an edited host the secrets were refused for.
    const again = (why: string, profile: StoredProfile | null = doc.profile) => {
      // A failed unlock may end after a switch: it must not reach the account chosen since.
      this.stillCurrent(started);
      this.deps.notify(`${why} Sign in again; ${profile?.host ? 'your App ID, username and host are' : 'enter the API host; your App ID and username are'} filled in.`);
      this.profile = profile;
      this.deps.store.writeFor(accountId, { profile, secrets: null });
    };
    if (!vault.protected || vault.backend !== doc.secrets.backend) {
      again(`Your saved sign-in was protected by "${doc.secrets.backend}", which this system no longer offers.`);
      return;
    }
    const profile = doc.profile;
    // The file is only as trustworthy as the disk: its host passes the setup form's rules again.
    const hostProblem = problemWith(() => normalizeHost(profile.host) === profile.host);
    if (hostProblem !== null) {
      again(`The saved API host (${profile.host}) is not allowed: ${hostProblem} Its secrets were removed without being sent anywhere.`, { ...profile, host: '' });
      return;
    }
    let opened: OpenedSecrets;
    try {
      opened = await this.openSecrets(doc.secrets, profile, { accountId, started });
    } catch (error) {
      if (!(error instanceof VaultDecryptError)) throw error;
      again('Your saved sign-in could not be unlocked with this system\'s key store, so it was removed.');
      return;
    }
    this.stillCurrent(started);
    // Host, App ID and username are sealed with the secrets: an edited file cannot redirect them.
    if (opened.account !== accountOf(profile)) {
      again(
        `Your saved sign-in no longer matches its host, App ID or username (the file says ${profile.host}), so its secrets were removed without being sent anywhere.`,
        sealedProfile(profile, opened.account),
      );
      return;
    }
    this.deps.redactor.addSecret(opened.appSecret, opened.password);
    this.deps.redactor.addSecret(opened.refreshToken);
    this.encrypted = true;
    this.sealedRefreshToken = opened.refreshToken;
    const client = { host: profile.host, appId: profile.appId, appSecret: opened.appSecret, redirectUri: profile.redirectUri };
    const expired: TokenSet = { accessToken: '', refreshToken: opened.refreshToken, expiresAt: 0, lifetimeMs: 3_600_000 };
    this.session = this.createSession(client, profile.username, expired, opened.password);
    // Renew in the background so the session bar is current; failures show there, not as a crash.
    void this.session.accessToken().catch(() => undefined);
  }

  async state(): Promise<AuthState> {
    const vault = await this.deps.vault.status();
    const current = this.deps.store.current();
    const asks = !this.session && current !== null && !current.profile.sandbox;
    return {
      vault: { protected: vault.protected, backend: vault.backend, message: vault.message },
      profile: this.profile ? profileView(this.profile) : null,
      session: this.session ? this.view(this.session) : null,
      notices: this.deps.notices(),
      accounts: this.deps.store.list().map(accountViewOf),
      currentAccountId: current?.id ?? null,
      missing: !asks ? [] : this.inMemory.has(current.id) ? ['password'] : ['appSecret', 'password'],
    };
  }

  /**
   * Ends the current session exactly as sign-out does (docs/architecture.md, "A session is a
   * generation") but keeps its sealed secrets, then restores the chosen account or asks for what
   * it lacks.
   */
  async switchTo(id: string): Promise<AuthState> {
    const target = this.deps.store.find(id);
    this.endSession(`you switched to the account ${target.name}`);
    this.deps.store.select(id);
    this.profile = target.profile;
    this.deps.onSwitched(id);
    const started = this.generation;
    const kept = this.inMemory.get(id);
    const resume = target.profile.sandbox
      ? this.loginSandbox()
      : target.secrets
        ? this.restore()
        : kept?.password
          ? this.signIn({ ...profileView(target.profile), appSecret: kept.appSecret, password: kept.password, rememberPassword: true }, false)
          : null;
    await resume?.catch((error: unknown) => started === this.generation && this.deps.notify(`${target.name}: ${error instanceof Error ? error.message : String(error)}`));
    return this.state();
  }

  /** "Add account…": the current session ends (its account stays saved) and the setup form is blank. */
  async addAccount(): Promise<AuthState> {
    this.endSession('you chose to add an account');
    this.deps.store.select(null);
    this.profile = null;
    this.deps.onSwitched(null);
    return this.state();
  }

  async renameAccount(id: string, name: string): Promise<AuthState> {
    this.deps.store.rename(id, name);
    return this.state();
  }

  /** Forgets the account with its sealed secrets; removing the current one signs out first. */
  async removeAccount(id: string): Promise<AuthState> {
    this.deps.store.find(id);
    if (this.deps.store.current()?.id === id) {
      this.endSession('you removed its account');
      this.profile = null;
      this.deps.onSignedOut();
    }
    this.inMemory.delete(id);
    this.deps.store.remove(id);
    this.deps.onRemoved(id);
    return this.state();
  }

  async login(input: CredentialsInput): Promise<SessionView> {
    // A memory-only vault kept this account's App Secret since it was last signed in to.
    const current = this.deps.store.current();
    if (!input.appSecret && current && sameIdentity(current.profile, input)) input = { ...input, appSecret: this.inMemory.get(current.id)?.appSecret ?? '' };
    for (const [field, label] of FIELD_LABELS) {
      if (!input[field].trim()) throw new AppError('invalid_input', `Enter the ${label}.`);
    }
    const host = normalizeHost(input.host);
    return this.signIn({ ...input, host, appId: input.appId.trim(), username: input.username.trim(), redirectUri: input.redirectUri.trim() }, false);
  }

  async loginSandbox(): Promise<SessionView> {
    const demo = await this.deps.startSandbox();
    return this.signIn({ ...demo, redirectUri: '', rememberPassword: true }, true);
  }

  /**
   * "Sign in again": a new password grant for the same user. With `remember`, later expiries are
   * met with the password (sealed on disk where the vault is protected, else in memory).
   */
  async reauth(password: string, remember: boolean): Promise<SessionView> {
    const session = this.requireSession();
    if (!password) throw new AppError('invalid_input', 'Enter your password.');
    this.deps.redactor.addSecret(password);
    await session.signInAgain(password, remember);
    await this.sealPassword(session, remember ? password : null);
    return this.view(session);
  }

  /** The user closed "Sign in again": every request waiting for it ends with a sentence. */
  async cancelReauth(): Promise<AuthState> {
    // 'cancelled', not 'not_signed_in': the session is still there, only this sign-in was declined.
    this.session?.stopWaiting(new AppError('cancelled', 'Not sent: your session ended and you did not sign in again. Sign in, then send it again.'));
    return this.state();
  }

  async logout(): Promise<AuthState> {
    this.endSession('you signed out');
    const current = this.deps.store.current();
    if (current) this.inMemory.delete(current.id);
    const doc = this.deps.store.read();
    this.profile = doc.profile;
    this.deps.store.write({ profile: doc.profile, secrets: null });
    // The account stays saved (without secrets) but is no longer chosen: the setup form is filled
    // from its profile and a sign-in there saves to it again.
    this.deps.store.select(null);
    this.deps.onSignedOut();
    return this.state();
  }

  /** The host of the current session, or of the saved profile when signed out. */
  currentHost(): string | null {
    return this.session?.client.host ?? this.profile?.host ?? null;
  }

  /** The signed-in session as the request runner sees it. */
  tokenSource(): TokenSource {
    const session = this.requireSession();
    const account = this.deps.store.current();
    return {
      account: account ? { id: account.id, name: account.name } : null,
      host: session.client.host,
      username: session.username,
      signal: session.signal,
      accessToken: () => session.accessToken(),
      refreshAfterRejection: (rejected) => session.refreshAfterRejection(rejected),
    };
  }

  /** Ends the session's generation: what it started stops, and a sign-in or restore under way is dropped. */
  private endSession(why: string): void {
    this.generation += 1;
    this.session?.end(sessionEnded(why));
    this.session = null;
    this.encrypted = false;
    this.sealedRefreshToken = null;
  }

  /** Throws when the session generation changed since `started` (the user switched or signed out). */
  private stillCurrent(started: number): void {
    if (started !== this.generation) throw sessionEnded('you switched account or signed out');
  }

  private requireSession(): Session {
    if (!this.session) throw new AppError('not_signed_in', 'You are signed out. Sign in to send requests.');
    return this.session;
  }

  private async signIn(input: CredentialsInput, sandbox: boolean): Promise<SessionView> {
    const started = this.generation;
    const vault = await this.deps.vault.status();
    const persist = vault.protected && !sandbox;
    // Remembered in memory where the vault cannot seal it (and for the sandbox's public password).
    const remember = input.rememberPassword || sandbox;
    this.deps.redactor.addSecret(input.appSecret, input.password);
    const client: ClientCredentials = { host: input.host, appId: input.appId, appSecret: input.appSecret, redirectUri: input.redirectUri };
    const tokens = await this.deps.tokens.passwordGrant(client, input.username, input.password);
    this.deps.redactor.addSecret(tokens.accessToken, tokens.refreshToken);
    this.stillCurrent(started);

    const profile: StoredProfile = {
      host: input.host,
      appId: input.appId,
      username: input.username,
      redirectUri: input.redirectUri,
      rememberPassword: remember && persist,
      sandbox,
      userName: input.username,
      userId: '',
    };
    const secrets = persist ? await this.seal(vault, profile, input.appSecret, tokens.refreshToken, remember ? input.password : null) : null;
    this.stillCurrent(started);
    this.encrypted = persist;
    const session = this.createSession(client, input.username, tokens, remember ? input.password : null);
    const before = this.deps.store.current()?.id;
    const account = this.deps.store.save(profile, input.accountName);
    this.deps.store.write({ profile, secrets });
    if (persist) this.sealedRefreshToken = tokens.refreshToken;
    else if (!sandbox) this.inMemory.set(account.id, { appSecret: input.appSecret, password: remember ? input.password : null });
    if (before !== account.id) this.deps.onSwitched(account.id);
    this.session?.end(sessionEnded('you signed in again'));
    this.session = session;
    this.profile = profile;
    const user = await this.deps.loadUser(this.tokenSource()).catch(() => null);
    if (user && this.profile === profile) {
      this.profile = { ...profile, userName: user.name || profile.username, userId: user.id };
      if (this.deps.store.current()?.id === account.id) this.deps.store.write({ ...this.deps.store.read(), profile: this.profile });
    }
    return this.view(session);
  }

  private createSession(client: ClientCredentials, username: string, tokens: TokenSet, password: string | null): Session {
    const session: Session = new Session(client, username, tokens, password, {
      tokens: this.deps.tokens,
      now: this.deps.now,
      onTokens: (fresh) => this.storeRefreshToken(session, fresh),
      onNeedsSignInChanged: () => this.deps.onNeedsSignInChanged(),
      onRenewed: () => this.deps.onRenewed(),
      onPasswordRefused: () => void this.sealPassword(session, null).catch(() => undefined),
    });
    return session;
  }

  /**
   * A new refresh token (rotated, or from a new grant) is sealed before it is ever needed, and
   * only by the current session: a late renewal of an ended one must not land in another's profile.
   */
  private async storeRefreshToken(session: Session, tokens: TokenSet): Promise<void> {
    this.deps.redactor.addSecret(tokens.accessToken, tokens.refreshToken);
    if (tokens.refreshToken === this.sealedRefreshToken) return;
    await this.updateSealed(session, async () => {
      this.sealedRefreshToken = tokens.refreshToken;
      return { refreshToken: tokens.refreshToken === null ? null : await this.deps.vault.encrypt(tokens.refreshToken) };
    });
  }

  private sealPassword(session: Session, password: string | null): Promise<void> {
    return this.updateSealed(session, async () => ({ password: password === null ? null : await this.deps.vault.encrypt(password) }), password !== null);
  }

  /**
   * Changes what is sealed for `session`, only while it is the current one and has sealed
   * secrets. Checked again after the vault's work: by then the user may have signed out (the
   * secrets are gone and must stay gone) or in as someone else.
   */
  private async updateSealed(session: Session, seal: () => Promise<Partial<SealedSecrets>>, rememberPassword?: boolean): Promise<void> {
    if (session !== this.session || !this.encrypted || !this.deps.store.read().secrets) return;
    const sealed = await seal();
    const doc = this.deps.store.read();
    if (session !== this.session || !doc.secrets || !doc.profile) return;
    const profile = rememberPassword === undefined ? doc.profile : { ...doc.profile, rememberPassword };
    this.deps.store.write({ profile, secrets: { ...doc.secrets, ...sealed } });
  }

  private async seal(vault: VaultStatus, profile: StoredProfile, appSecret: string, refreshToken: string | null, password: string | null): Promise<SealedSecrets> {
    return {
      backend: vault.backend,
      account: await this.deps.vault.encrypt(accountOf(profile)),
      appSecret: await this.deps.vault.encrypt(appSecret),
      refreshToken: refreshToken === null ? null : await this.deps.vault.encrypt(refreshToken),
      password: password === null ? null : await this.deps.vault.encrypt(password),
    };
  }

  /**
   * Opens an account's sealed secrets, sealing them again where the vault asks. The new seal goes
   * to that account only, and only while its generation is current (docs/architecture.md, "A
   * session is a generation"): the user may have switched, added an account or signed out meanwhile.
   */
  private async openSecrets(sealed: SealedSecrets, profile: StoredProfile, owner: { accountId: string; started: number }): Promise<OpenedSecrets> {
    const open = (cipher: string) => this.deps.vault.decrypt(cipher);
    const openNullable = (cipher: string | null | undefined) => (cipher == null ? Promise.resolve(null) : open(cipher));
    const parts = await Promise.all([openNullable(sealed.account), open(sealed.appSecret), openNullable(sealed.refreshToken), openNullable(sealed.password)]);
    const [account, appSecret, refreshToken, password] = parts;
    const opened = { account: account?.plain ?? null, appSecret: appSecret.plain, refreshToken: refreshToken?.plain ?? null, password: password?.plain ?? null };
    if (opened.account === accountOf(profile) && parts.some((part) => part?.shouldReEncrypt)) {
      const vault = await this.deps.vault.status();
      const secrets = await this.seal(vault, profile, opened.appSecret, opened.refreshToken, opened.password);
      if (owner.started === this.generation) this.deps.store.writeFor(owner.accountId, { profile, secrets });
    }
    return opened;
  }

  private view(session: Session): SessionView {
    const profile = this.profile;
    const account = this.deps.store.current();
    return {
      host: session.client.host,
      username: session.username,
      userName: profile?.userName || session.username,
      userId: profile?.userId ?? '',
      expiresAt: session.expiresAt,
      storage: this.encrypted ? 'encrypted' : 'memory',
      sandbox: profile?.sandbox ?? false,
      rememberPassword: session.remembersPassword,
      needsSignIn: session.needsSignIn,
      serverRenewsSessions: session.serverRenewsSessions,
      lastRefresh: session.lastRefresh,
      accountId: account?.id ?? '',
      accountName: account?.name ?? '',
    };
  }
}

function profileView(profile: StoredProfile): ProfileView {
  const { host, appId, username, redirectUri, rememberPassword, sandbox } = profile;
  return { host, appId, username, redirectUri, rememberPassword, sandbox };
}

/** Whether the form names the same host, App ID and username as the saved profile. */
function sameIdentity(profile: StoredProfile, input: CredentialsInput): boolean {
  return profile.appId === input.appId.trim() && profile.username === input.username.trim() && problemWith(() => normalizeHost(input.host) === profile.host) === null;
}

/** Why what an ended session started stops: said to each of its requests and pulls. */
function sessionEnded(why: string): AppError {
  return new AppError('cancelled', `Stopped: ${why}, which ended the session this was running in.`);
}

interface OpenedSecrets {
  /** Null in a file written before accounts were sealed: such secrets are not used. */
  account: string | null;
  appSecret: string;
  refreshToken: string | null;
  password: string | null;
}

/** What sealed secrets belong to: a change to any of these in the file voids them. */
function accountOf(profile: Pick<StoredProfile, 'host' | 'appId' | 'username'>): string {
  return JSON.stringify([profile.host, profile.appId, profile.username]);
}

/** The profile as it was sealed, when the account can be read; otherwise without its host. */
function sealedProfile(profile: StoredProfile, account: string | null): StoredProfile {
  try {
    const [host, appId, username] = JSON.parse(account ?? '') as [unknown, unknown, unknown];
    if (typeof host === 'string' && typeof appId === 'string' && typeof username === 'string') return { ...profile, host, appId, username };
  } catch {
    // No account sealed (an older file): fall through.
  }
  return { ...profile, host: '' };
}

/** The sentence of the AppError `check` throws, or of its false answer; null when it passes. */
function problemWith(check: () => boolean): string | null {
  try {
    return check() ? null : 'it is not written the way the app writes it.';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
