import { useEffect, useMemo, useState } from 'react';
import type { SelectOption } from '../../components/SelectField';
import { api } from '../../api';
import { useAuthState } from '../../state/hooks';
import { filterFor, optionInForce, REMOVED_ACCOUNTS, type AccountFilter } from './accountFilter';

/** The History panel's Account filter; `version` changes after every send, so it asks again. */
export function useAccountFilter(version: number) {
  const accounts = useAuthState()?.accounts;
  const savedKey = (accounts ?? []).map((account) => account.id).join(',');
  const saved = useMemo(() => (savedKey ? savedKey.split(',') : []), [savedKey]);
  const [chosen, setChosen] = useState('');
  const [hasRemoved, setHasRemoved] = useState(false);
  // Bumped when history is cleared: entries of removed accounts may be gone.
  const [checks, recheck] = useState(0);
  const known = accounts !== undefined;

  useEffect(() => {
    let current = true;
    // Until the accounts are known every entry would look like one of a removed account.
    if (!known) return;
    void api()
      .history.list({ query: '', offset: 0, limit: 1, notAccountIds: saved })
      .then((result) => current && setHasRemoved(result.ok && result.data.total > 0));
    return () => {
      current = false;
    };
  }, [known, saved, version, checks]);

  const value = optionInForce(chosen, saved, hasRemoved);
  useEffect(() => {
    if (value !== chosen) setChosen(value);
  }, [value, chosen]);

  const filter = useMemo<AccountFilter>(() => filterFor(value, saved), [value, saved]);
  const options: SelectOption[] = [
    { value: '', label: 'All accounts' },
    ...(accounts ?? []).map((account) => ({ value: account.id, label: account.name })),
    ...(hasRemoved ? [{ value: REMOVED_ACCOUNTS, label: 'Removed accounts' }] : []),
  ];
  // One saved account and nothing of removed ones: there is nothing to choose between.
  return { value, setValue: setChosen, filter, options, shown: options.length > 2, recheck: () => recheck((n) => n + 1) };
}
