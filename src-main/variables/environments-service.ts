// Named environments ("Production", "Sandbox", ...) holding variables, and which one is active.
// One document on disk, written whole: the editor saves the full set at once.
import { AppError } from '../shared/app-error';
import { environmentsShape, type Environments, type Handlers, type NameValue } from '../shared/contract';
import { openDocumentStore, type StoreContext } from '../store/document-store';
import { checkVariableRows } from './variable-rows';

type EnvironmentsChannel = Handlers['environments'];

/** The `environments` channel, and the active variables for the variables service. */
export interface EnvironmentsService extends EnvironmentsChannel {
  get(): Environments;
  save(input: Environments): Environments;
  /** The active environment's variables, or none. */
  activeVariables(): NameValue[];
  /**
   * Another account was chosen: an environment tied to it becomes active, and one tied to
   * another account stops being active (its values are not meant for this one).
   */
  chooseFor(accountId: string | null): void;
  /** The account was removed: its environments stay, tied to no account. */
  untie(accountId: string): void;
}

export function createEnvironmentsService({ ctx }: { ctx: StoreContext }): EnvironmentsService {
  const store = openDocumentStore(ctx, {
    name: 'environments',
    label: 'Environments',
    version: 1,
    schema: environmentsShape,
    defaults: { environments: [], activeId: null },
  });

  return {
    get: () => store.read(),
    save(input) {
      const next = checked(input);
      store.write(next);
      return next;
    },
    chooseFor(accountId) {
      const { environments, activeId } = store.read();
      const active = environments.find((environment) => environment.id === activeId);
      const tied = environments.find((environment) => accountId !== null && environment.accountId === accountId);
      const next = tied ? tied.id : active?.accountId ? null : activeId;
      if (next !== activeId) store.write({ environments, activeId: next });
    },
    untie(accountId) {
      const { environments, activeId } = store.read();
      if (!environments.some((environment) => environment.accountId === accountId)) return;
      store.write({ environments: environments.map((environment) => (environment.accountId === accountId ? { ...environment, accountId: null } : environment)), activeId });
    },
    activeVariables() {
      const { environments, activeId } = store.read();
      return environments.find((environment) => environment.id === activeId)?.variables ?? [];
    },
  };
}

function checked(input: Environments): Environments {
  const seenNames = new Set<string>();
  const seenIds = new Set<string>();
  const environments = input.environments.map((environment) => {
    const name = environment.name.trim();
    if (!name) throw new AppError('invalid_input', 'Every environment needs a name. Enter one, or delete the environment.');
    const key = name.toLowerCase();
    if (seenNames.has(key)) throw new AppError('invalid_input', `There are two environments named "${name}". Give each environment its own name.`);
    if (seenIds.has(environment.id)) throw new AppError('invalid_input', `Two environments share the id "${environment.id}". Reopen the environments and try again.`);
    seenNames.add(key);
    seenIds.add(environment.id);
    checkVariableRows(environment.variables, `the environment "${name}"`);
    return { ...environment, name };
  });
  if (input.activeId !== null && !seenIds.has(input.activeId)) {
    throw new AppError('invalid_input', 'The active environment no longer exists. Choose another environment, or none.');
  }
  return { environments, activeId: input.activeId };
}
