import { useEffect, useState } from 'react';
import type { ChartData, ChartSource, ChartSpec } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';

export const AUTO_SPEC: ChartSpec = { x: null, bucket: 'auto', y: null, yField: null, split: null, top: 5 };

type State = { key: string; data: ChartData | null; error: string | null };

/**
 * The series main computed for these rows and this spec; an answer to an older ask is dropped.
 * `version` asks again when the rows themselves changed (a resumed pull).
 */
export function useChartData(source: ChartSource, spec: ChartSpec, version: string) {
  const key = JSON.stringify([source, spec, version]);
  const [state, setState] = useState<State>({ key: '', data: null, error: null });
  useEffect(() => {
    let current = true;
    const [askedSource, askedSpec] = JSON.parse(key) as [ChartSource, ChartSpec];
    void api()
      .chart.data({ source: askedSource, spec: askedSpec })
      .then((result) => {
        if (!current) return;
        if (result.ok) setState({ key, data: result.data, error: null });
        else {
          reportError(result.error);
          setState((before) => ({ key, data: before.data, error: result.error.message }));
        }
      });
    return () => {
      current = false;
    };
  }, [key]);
  return {
    data: state.error ? null : state.data,
    /** The last chart drawn, even after a failed ask: its pickers let the user choose again. */
    last: state.data,
    error: state.error,
    loading: state.key !== key,
  };
}
