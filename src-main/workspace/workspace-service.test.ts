import { describe, expect, it } from 'vitest';
import { tempStoreContext } from '../testing/temp-store';
import type { Workspace } from '../shared/contract';
import { createWorkspaceService } from './workspace-service';
import { EMPTY_WORKSPACE } from './workspace-store';

describe('workspace service', () => {
  it('starts empty, and the next start finds what was saved', () => {
    const ctx = tempStoreContext('hae-workspace-');
    expect(createWorkspaceService({ ctx }).get()).toEqual(EMPTY_WORKSPACE);
    const workspace: Workspace = { ...EMPTY_WORKSPACE, panelSizes: { sidebar: 240 } };
    expect(createWorkspaceService({ ctx }).save(workspace)).toEqual({ saved: true });
    expect(createWorkspaceService({ ctx }).get()).toEqual(workspace);
  });
});
