import { Suspense, useEffect } from 'react';
import { lazyView, LoadingView, useOpenedOnce } from '../../components/lazyView';
import { closeComparison, useComparisonRequest } from '../../state/compareStore';

const compareView = lazyView(() => import('./CompareView').then((module) => module.CompareView));

/**
 * Where the comparison view opens, over the workspace. Its chunk loads the first time a
 * comparison is asked for; leaving the workspace (sign-out) closes it, as main forgot it.
 */
export function CompareHost() {
  const request = useComparisonRequest();
  const opened = useOpenedOnce(request !== null);
  useEffect(() => closeComparison, []);
  if (!opened) return null;
  return (
    <Suspense fallback={<LoadingView label="Loading the comparison…" />}>
      <compareView.View request={request} onClose={closeComparison} />
    </Suspense>
  );
}
