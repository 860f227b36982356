import { useCallback, useEffect, useState } from 'react';
import type { Environments, Result } from '@shared/contract';
import { api } from '../../api';
import { reportError } from '../../app/errorRouting';
import { useSession } from '../../state/hooks';

/** The named environments and which one is active, as main keeps them. */
export function useEnvironments() {
  const [environments, setEnvironments] = useState<Environments>({ environments: [], activeId: null });
  const [error, setError] = useState<string | null>(null);
  // Read again after a switch: main makes the environment tied to the new account active.
  const accountId = useSession()?.accountId;

  useEffect(() => {
    void api()
      .environments.get({})
      .then((result) => {
        if (result.ok) setEnvironments(result.data);
        else {
          setError(result.error.message);
          reportError(result.error);
        }
      });
  }, [accountId]);

  const save = useCallback(
    async (next: Environments): Promise<Result<Environments>> => {
      const result = await api().environments.save(next);
      if (result.ok) {
        setEnvironments(result.data);
        setError(null);
      } else {
        setError(result.error.message);
        reportError(result.error);
      }
      return result;
    },
    [],
  );

  return { environments, error, save };
}

export type EnvironmentsModel = ReturnType<typeof useEnvironments>;
