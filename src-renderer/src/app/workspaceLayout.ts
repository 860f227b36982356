// The work area's sizes: the sidebar's width and how the request and response share the rest,
// side by side when wide enough, else stacked. Pure: the panel sizes come from the workspace file.
import type { PanelSizes } from '../state/tabsModel';

/** Lengths in CSS pixels. */
const PX = {
  /** Side by side from this width (as the response panel's container query). */
  wideFrom: 900,
  editorMin: 380,
  responseMin: 300,
  sidebarMin: 200,
  sidebarMax: 560,
  /** The grid's padding and the splitter between the panes. */
  splitChrome: 36,
};

export type AreaSize = { width: number; height: number };

const clamp = (value: number, min: number, max: number) => Math.round(Math.min(max, Math.max(min, value)));

/** `area` is the request/response grid as measured (zero before the first measure), `windowWidth` the window's. */
export function workspaceLayout(area: AreaSize, windowWidth: number, sizes: PanelSizes) {
  const wide = area.width === 0 || area.width >= PX.wideFrom;
  const sidebarMax = Math.max(PX.sidebarMin, Math.min(PX.sidebarMax, Math.round(windowWidth / 2)));
  const splitKey = wide ? 'editorWidth' : 'editorHeight';
  const splitLength = Math.max(1, (wide ? area.width : area.height) - PX.splitChrome);
  const splitMin = Math.min(50, Math.max(20, Math.ceil(((wide ? PX.editorMin : 160) / splitLength) * 100)));
  const splitMax = Math.max(50, Math.min(80, Math.floor(100 - ((wide ? PX.responseMin : 240) / splitLength) * 100)));
  const editorShare = clamp(sizes[splitKey] ?? 45, splitMin, splitMax);
  return {
    wide,
    sidebar: {
      value: clamp(sizes.sidebarWidth ?? (windowWidth <= 960 ? 240 : 290), PX.sidebarMin, sidebarMax),
      min: PX.sidebarMin,
      max: sidebarMax,
    },
    /** The editor's share of the grid, in percent. */
    split: { sizeName: splitKey, value: editorShare, min: splitMin, max: splitMax },
    template: `minmax(0, ${editorShare}fr) 12px minmax(0, ${100 - editorShare}fr)`,
  };
}
