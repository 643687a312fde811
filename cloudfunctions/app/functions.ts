import type { FunctionName } from '../../shared/contract';
import type { FunctionHandlers } from './router';
import { accountHandlers } from './usecases/account';
import { adminHandlers } from './usecases/admin';
import { openweekHandlers } from './usecases/openweek';
import { campaignHandlers } from './usecases/campaign';
import { filingHandlers } from './usecases/filing';
import { reviewHandlers } from './usecases/review';
import { evaluationHandlers } from './features/evaluation';

/** Every cloud function with its use cases; the compiler flags a function of the contract left out. */
export const FUNCTIONS: { [F in FunctionName]: FunctionHandlers<F> } = {
  account: accountHandlers,
  admin: adminHandlers,
  openweek: openweekHandlers,
  campaign: campaignHandlers,
  filing: filingHandlers,
  review: reviewHandlers,
  evaluation: evaluationHandlers,
};
