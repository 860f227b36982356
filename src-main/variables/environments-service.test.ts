import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error';
import type { Environments } from '../shared/contract';
import type { StoreContext } from '../store/document-store';
import { createConfFactory } from '../testing/conf-factory';
import { createEnvironmentsService } from './environments-service';

let dir: string;
let notices: string[];
let ctx: StoreContext;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hae-env-'));
  notices = [];
  ctx = { dir, createConf: createConfFactory(), notify: (m) => notices.push(m), now: () => 1_700_000_000_000 };
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const production: Environments['environments'][number] = { id: 'prod', name: 'Production', variables: [{ name: 'location', value: '12', enabled: true }] };
const sandbox: Environments['environments'][number] = { id: 'sbx', name: 'Sandbox', variables: [{ name: 'location', value: '1', enabled: true }] };

function saveError(input: Environments): string {
  const service = createEnvironmentsService({ ctx });
  try {
    service.save(input);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(service.get()).toEqual({ environments: [], activeId: null });
    expect(createEnvironmentsService({ ctx }).get()).toEqual({ environments: [], activeId: null });
    return `${error.code}: ${error.message}`;
  }
  throw new Error('expected save to fail');
}

describe('environments service', () => {
  it('starts empty and keeps saved environments across a re-open, with a schemaVersion on disk', () => {
    const first = createEnvironmentsService({ ctx });
    expect(first.get()).toEqual({ environments: [], activeId: null });
    first.save({ environments: [production, sandbox], activeId: 'sbx' });
    const reopened = createEnvironmentsService({ ctx });
    expect(reopened.get()).toEqual({ environments: [production, sandbox], activeId: 'sbx' });
    expect(JSON.parse(readFileSync(join(dir, 'environments.json'), 'utf8')).schemaVersion).toBe(1);
    expect(reopened.activeVariables()).toEqual(sandbox.variables);
  });

  it('has no active variables when no environment is active', () => {
    const service = createEnvironmentsService({ ctx });
    service.save({ environments: [production], activeId: null });
    expect(service.activeVariables()).toEqual([]);
  });

  it('trims environment names', () => {
    const service = createEnvironmentsService({ ctx });
    expect(service.save({ environments: [{ ...production, name: '  Production ' }], activeId: null }).environments[0]!.name).toBe('Production');
  });

  it('refuses duplicate names (ignoring case and spaces), blank names and a missing active environment', () => {
    expect(saveError({ environments: [production, { ...sandbox, name: ' production' }], activeId: null })).toMatch(/^invalid_input: There are two environments named "production"/);
    expect(saveError({ environments: [{ ...production, name: '   ' }], activeId: null })).toMatch(/^invalid_input: Every environment needs a name/);
    expect(saveError({ environments: [production], activeId: 'gone' })).toMatch(/^invalid_input: The active environment no longer exists/);
    expect(saveError({ environments: [production, { ...sandbox, id: 'prod' }], activeId: null })).toMatch(/^invalid_input: Two environments share the id/);
  });

  it('refuses variables named like a built-in date', () => {
    const message = saveError({ environments: [{ ...production, variables: [{ name: ' today ', value: 'x', enabled: true }] }], activeId: null });
    expect(message).toBe('invalid_input: The variable name "today" in the environment "Production" is reserved for a built-in date. Choose another name.');
  });

  it("unties a removed account's environments and keeps them, their values and the active one", () => {
    const service = createEnvironmentsService({ ctx });
    service.save({ environments: [{ ...production, accountId: 'gone' }, { ...sandbox, accountId: 'kept' }], activeId: 'prod' });
    service.untie('gone');
    const reopened = createEnvironmentsService({ ctx }).get();
    expect(reopened).toEqual({ environments: [{ ...production, accountId: null }, { ...sandbox, accountId: 'kept' }], activeId: 'prod' });
  });

  it('sets a damaged file aside, tells the user where, and starts empty', () => {
    writeFileSync(join(dir, 'environments.json'), '{"environments": [');
    const service = createEnvironmentsService({ ctx });
    expect(service.get()).toEqual({ environments: [], activeId: null });
    const aside = readdirSync(dir).find((name) => name.startsWith('environments.corrupt-'));
    expect(aside).toBeDefined();
    expect(existsSync(join(dir, aside!))).toBe(true);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(join(dir, aside!));
  });
});
