import { describe, expect, it } from 'vitest';
import { workspaceLayout } from './workspaceLayout';

describe('workspaceLayout', () => {
  it('puts request and response side by side from 900 px, and before the first measure', () => {
    expect(workspaceLayout({ width: 1200, height: 800 }, 1600, {}).wide).toBe(true);
    expect(workspaceLayout({ width: 0, height: 0 }, 1600, {}).wide).toBe(true);
    const stacked = workspaceLayout({ width: 700, height: 800 }, 1000, {});
    expect(stacked.wide).toBe(false);
    expect(stacked.split.sizeName).toBe('editorHeight');
  });

  it('keeps the sidebar between 200 px and half the window (at most 560)', () => {
    expect(workspaceLayout({ width: 1200, height: 800 }, 1600, {}).sidebar).toMatchObject({ value: 290, min: 200, max: 560 });
    expect(workspaceLayout({ width: 700, height: 800 }, 900, {}).sidebar).toMatchObject({ value: 240, max: 450 });
    expect(workspaceLayout({ width: 700, height: 800 }, 300, { sidebarWidth: 900 }).sidebar).toMatchObject({ value: 200, max: 200 });
  });

  it('keeps room for the editor and the response, and a kept share within it', () => {
    const layout = workspaceLayout({ width: 1036, height: 800 }, 1600, { editorWidth: 95 });
    // 1000 px to share: the editor needs 380 (38 %), the response 300 (at most 70 % for the editor).
    expect(layout.split).toEqual({ sizeName: 'editorWidth', value: 70, min: 38, max: 70 });
    expect(layout.template).toBe('minmax(0, 70fr) 12px minmax(0, 30fr)');
    expect(workspaceLayout({ width: 1036, height: 800 }, 1600, {}).split.value).toBe(45);
  });
});
