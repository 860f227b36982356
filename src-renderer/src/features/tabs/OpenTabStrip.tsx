import type { CollectionNode } from '@shared/contract';
import { useTabs } from '../../state/hooks';
import { TabStrip } from './TabStrip';
import { tabViews } from './tabViews';

type Props = Omit<Parameters<typeof TabStrip>[0], 'tabs' | 'activeId'> & { roots: readonly CollectionNode[] };

/**
 * The strip of the store's open tabs. It reads the tabs itself, so a tab's answer arriving (its
 * running mark going) renders the strip, not the workspace around it (docs/architecture.md, "The
 * renderer's store").
 */
export function OpenTabStrip({ roots, ...strip }: Props) {
  const { tabs, activeId } = useTabs();
  return <TabStrip tabs={tabViews(tabs, roots)} activeId={activeId} {...strip} />;
}
