import type { FunctionName } from '../../shared/contract';
import type { FunctionHandlers } from './router';
import { accountHandlers } from './usecases/account';
import { adminHandlers } from './usecases/admin';

/** Every cloud function with its use cases; the compiler flags a function of the contract left out. */
export const FUNCTIONS: { [F in FunctionName]: FunctionHandlers<F> } = {
  account: accountHandlers,
  admin: adminHandlers,
};
