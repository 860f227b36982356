// Faults as the user meets them: each one ends in a sentence or an outcome that says what
// happened, the typed request stays, and the next request works once the fault is gone.
import { expect, test, type Page } from '@playwright/test';
import { launchApp, type LaunchedApp } from './support/launch-app';
import { pathField, reauthDialog, responsePanel, sendButton } from './support/locators';
import { trySandbox } from './support/sign-in';

let app: LaunchedApp | null = null;
test.afterEach(async () => {
  await app?.close();
  app = null;
});


async function signedIn(): Promise<{ page: Page; app: LaunchedApp }> {
  app = await launchApp();
  await trySandbox(app.page);
  await pathField(app.page).fill('employees');
  return { page: app.page, app };
}

async function sendAndSee(page: Page, expected: RegExp) {
  await sendButton(page).click();
  await expect(responsePanel(page)).toContainText(expected);
  await expect(pathField(page)).toHaveValue('employees');
}

test('without retries: 503, 429, malformed JSON, a dropped connection and a timeout each say what happened; then it works', async () => {
  const { page, app } = await signedIn();
  await app.core.handlers.settings.update({ retrySafeRequests: false, timeoutSeconds: 1 });
  const sandbox = app.sandbox()!;

  sandbox.setFaults({ failNext: { count: 1, status: 503 } });
  await sendAndSee(page, /server error \(HTTP 503\)/);
  sandbox.setFaults({ rateLimitNext: { count: 1, retryAfterSeconds: 30 } });
  await sendAndSee(page, /Too many requests/);
  sandbox.setFaults({ malformedNext: 1 });
  await sendAndSee(page, /not JSON/);
  sandbox.setFaults({ dropNext: 1 });
  await sendAndSee(page, /connection .* failed/);
  sandbox.setFaults({ latencyMs: 3_000 });
  await sendAndSee(page, /did not answer within 1 seconds/);
  sandbox.clearFaults();
  await sendAndSee(page, /Success/);
});

test('the token endpoint down during a refresh: a sentence, the session stays, and it recovers', async () => {
  const { page, app } = await signedIn();
  const sandbox = app.sandbox()!;
  sandbox.setFaults({ tokenEndpointDown: true });
  sandbox.expireAccessTokens();
  await sendAndSee(page, /having trouble/);
  await expect(reauthDialog(page)).toHaveCount(0);
  sandbox.clearFaults();
  await sendAndSee(page, /Success/);
});

test('with "Retry safe requests" (the default) a burst of 503s is ridden out without the user noticing', async () => {
  const { page, app } = await signedIn();
  app.sandbox()!.setFaults({ failNext: { count: 2, status: 503 } });
  await sendAndSee(page, /Success/);
  await expect(responsePanel(page)).toContainText('200');
});
