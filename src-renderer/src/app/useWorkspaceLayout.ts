import { useLayoutEffect, useRef, useState } from 'react';
import { appStore } from '../state/appStore';
import { usePanelSizes } from '../state/hooks';
import { workspaceLayout, type AreaSize } from './workspaceLayout';

/**
 * The work area's sizes as its splitters set them: `shell` wraps sidebar and work area, `split` is
 * the request/response grid, measured as it resizes. The sizes are kept in the workspace file.
 */
export function useWorkspaceLayout() {
  const shell = useRef<HTMLDivElement>(null);
  const split = useRef<HTMLDivElement>(null);
  const [area, setArea] = useState<AreaSize>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = split.current;
    if (!element) return;
    const measure = () => setArea({ width: element.clientWidth, height: element.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const layout = workspaceLayout(area, window.innerWidth, usePanelSizes());
  const { wide, split: share } = layout;

  return {
    shell,
    split,
    wide,
    gridStyle: wide ? { gridTemplateColumns: layout.template } : { gridTemplateRows: layout.template },
    sidebarSplitter: {
      ...layout.sidebar,
      valueAt: (x: number) => x - (shell.current?.getBoundingClientRect().left ?? 0),
      onChange: (width: number) => appStore.tabs.setPanelSize('sidebarWidth', width),
    },
    editorSplitter: {
      value: share.value,
      min: share.min,
      max: share.max,
      valueAt(position: number) {
        const box = split.current!.getBoundingClientRect();
        return wide ? ((position - box.left - 12) / Math.max(1, box.width - 24)) * 100 : ((position - box.top - 12) / Math.max(1, box.height - 24)) * 100;
      },
      onChange: (percent: number) => appStore.tabs.setPanelSize(share.sizeName, percent),
    },
  };
}
