import type { FunctionName } from '../../shared/contract';
import type { FunctionHandlers } from './router';
import { accountHandlers } from './features/account';
import { adminHandlers } from './features/admin';
import { openweekHandlers } from './features/openweek';
import { campaignHandlers } from './features/campaign';
import { filingHandlers } from './features/filing';
import { reviewHandlers } from './features/review';
import { creationlogHandlers } from './features/creationlog';
import { managementHandlers } from './features/management';
import { evaluationHandlers } from './features/evaluation';

/** Every cloud function with its use cases; the compiler flags a function of the contract left out. */
export const FUNCTIONS: { [F in FunctionName]: FunctionHandlers<F> } = {
  account: accountHandlers,
  admin: adminHandlers,
  openweek: openweekHandlers,
  campaign: campaignHandlers,
  filing: filingHandlers,
  review: reviewHandlers,
  creationlog: creationlogHandlers,
  management: managementHandlers,
  evaluation: evaluationHandlers,
};
