// Runtime values of the IPC contract, restated here. Importing contract.ts at runtime would bundle
// zod, whose schema constructors probe `new Function` — a CSP violation in this renderer. The type
// annotations make tsc fail as soon as the contract's values change.
import type {
  HttpMethod,
  TEXT_PAGE_MAX as ContractTextPageMax,
  TREE_PAGE_MAX as ContractTreePageMax,
} from '../../src-main/shared/contract';

// `satisfies` rejects a missing or extra method; key order is the order shown in the UI.
const methods = { GET: true, POST: true, PUT: true, PATCH: true, DELETE: true } satisfies Record<HttpMethod, true>;
export const HTTP_METHODS = Object.keys(methods) as HttpMethod[];

export const TREE_PAGE_MAX: typeof ContractTreePageMax = 500;
export const TEXT_PAGE_MAX: typeof ContractTextPageMax = 262_144;
