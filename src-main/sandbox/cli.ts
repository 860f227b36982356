// `npm run sandbox`: runs the sandbox on SANDBOX_PORT (default 4010) until Ctrl+C.
import { listRoutes } from './api-routes';
import { COMPANY_NAME } from './seed-data';
import { API_PREFIX, SANDBOX_DEMO, startSandbox, TOKEN_PATH } from './server';

const DEFAULT_PORT = 4010;

function portFromEnv(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`SANDBOX_PORT must be a port number (0-65535), got "${text}"`);
  }
  return port;
}

try {
  const sandbox = await startSandbox({ port: portFromEnv(process.env.SANDBOX_PORT) });
  console.log(
    [
      `Humanity API sandbox (${COMPANY_NAME}) running at ${sandbox.url}`,
      '',
      `  Token endpoint  ${sandbox.url}${TOKEN_PATH}`,
      `  API base        ${sandbox.url}${API_PREFIX}`,
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
} catch (error) {
  console.error(`Could not start the sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
