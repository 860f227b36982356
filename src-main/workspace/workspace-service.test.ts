import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Workspace } from '../shared/contract';
import type { StoreContext } from '../store/document-store';
import { createConfFactory } from '../testing/conf-factory';
import { createWorkspaceService } from './workspace-service';
import { EMPTY_WORKSPACE } from './workspace-store';

let dir: string;
let ctx: StoreContext;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hae-workspace-'));
  ctx = { dir, createConf: createConfFactory(), notify: () => undefined, now: () => 0 };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('workspace service', () => {
  it('starts empty, and the next start finds what was saved', () => {
    expect(createWorkspaceService({ ctx }).get()).toEqual(EMPTY_WORKSPACE);
    const workspace: Workspace = { ...EMPTY_WORKSPACE, panelSizes: { sidebar: 240 } };
    expect(createWorkspaceService({ ctx }).save(workspace)).toEqual({ saved: true });
    expect(createWorkspaceService({ ctx }).get()).toEqual(workspace);
  });
});
