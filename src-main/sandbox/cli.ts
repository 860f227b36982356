// `npm run sandbox [-- options]`: runs the sandbox until Ctrl+C. `--help` lists the options.
import { parseArgs } from 'node:util';
import { listRoutes } from './api-routes';
import { COMPANY_NAME } from './seed-data';
import {
  API_PREFIX,
  AUTH_ERROR_STYLES,
  DEFAULT_REFRESH_BEHAVIOUR,
  REFRESH_BEHAVIOURS,
  SANDBOX_DEMO,
  startSandbox,
  TOKEN_PATH,
  type SandboxOptions,
} from './server';

const DEFAULT_PORT = 4010;

const HELP = `Usage: npm run sandbox -- [options]

A simulated Humanity v2 API on 127.0.0.1, with a seeded sample organisation.

Options:
  --port N                  port to listen on (default ${DEFAULT_PORT}, or SANDBOX_PORT; 0 = any free port)
  --refresh BEHAVIOUR       what a refresh grant does with the refresh token it redeems:
                              rotate  answers a new refresh token, the old one stops working
                              keep    answers none, the old one stays valid
                              delete  answers none, the old one stops working (the PHP OAuth2
                                      server library's default; token.php looks like it)
                              none    no refresh grant: sign-in sends no refresh token, and a
                                      refresh is answered unsupported_grant_type
                            default ${DEFAULT_REFRESH_BEHAVIOUR}
  --auth-error STYLE        how an expired or unknown access token is refused:
                              http401  HTTP 401 with an OAuth error body
                              status3  HTTP 200 with envelope status 3 (v1's "invalid token")
                            default http401
  --token-lifetime SECONDS  access token lifetime, sent as expires_in (default 3600)
  -h, --help                show this text
`;

/** The options from the command line and SANDBOX_PORT; throws a sentence for a bad value. */
export function parseCli(args: string[], env: NodeJS.ProcessEnv): { help: true } | { help: false; options: SandboxOptions } {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      refresh: { type: 'string' },
      'auth-error': { type: 'string' },
      'token-lifetime': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return { help: true };
  return {
    help: false,
    options: {
      port: wholeNumber('--port', values.port ?? env.SANDBOX_PORT, DEFAULT_PORT, 65_535),
      refreshBehaviour: oneOf('--refresh', values.refresh, REFRESH_BEHAVIOURS, DEFAULT_REFRESH_BEHAVIOUR),
      authErrorStyle: oneOf('--auth-error', values['auth-error'], AUTH_ERROR_STYLES, 'http401'),
      tokenLifetimeSeconds: wholeNumber('--token-lifetime', values['token-lifetime'], 3600, 31_536_000, 1),
    },
  };
}

function wholeNumber(name: string, text: string | undefined, fallback: number, max: number, min = 0): number {
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return value;
}

function oneOf<T extends string>(name: string, text: string | undefined, allowed: readonly T[], fallback: T): T {
  if (text === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(text)) throw new Error(`${name} must be one of ${allowed.join(', ')}, got "${text}"`);
  return text as T;
}

async function main(): Promise<void> {
  const parsed = parseCli(process.argv.slice(2), process.env);
  if (parsed.help) {
    console.log(HELP);
    return;
  }
  const { options } = parsed;
  const sandbox = await startSandbox(options);
  console.log(
    [
      `Humanity API sandbox (${COMPANY_NAME}) running at ${sandbox.url}`,
      '',
      `  Token endpoint  ${sandbox.url}${TOKEN_PATH}`,
      `  API base        ${sandbox.url}${API_PREFIX}`,
      `  Refresh         ${options.refreshBehaviour}; expired tokens answered ${options.authErrorStyle}; tokens live ${options.tokenLifetimeSeconds} s`,
      '',
      `  App ID          ${SANDBOX_DEMO.clientId}`,
      `  App Secret      ${SANDBOX_DEMO.clientSecret}`,
      `  Username        ${SANDBOX_DEMO.username}`,
      `  Password        ${SANDBOX_DEMO.password}`,
      '',
      'Endpoints:',
      ...listRoutes().map((route) => `  ${route}`),
      '',
      'Press Ctrl+C to stop.',
    ].join('\n'),
  );
  const stop = () => {
    void sandbox.close().then(() => console.log('Sandbox stopped.'));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run only as the program, not when a test imports parseCli.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main().catch((error: unknown) => {
    console.error(`Could not start the sandbox: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Run `npm run sandbox -- --help` for the options.');
    process.exitCode = 1;
  });
}
