import { account } from './account';
import { admin } from './admin';
import { openweek } from './openweek';
import { campaign } from './campaign';
import { filing } from './filing';
import { review } from './review';
import { creationlog } from './creationlog';
import { management } from './management';
import { evaluation } from './evaluation';
import type { ActionSpec } from './define';

/** The API contract: cloud function → action → spec. Client, router and docs all derive from it. */
export const contract = { account, admin, openweek, campaign, filing, review, creationlog, management, evaluation } satisfies Record<string, Record<string, ActionSpec>>;

export type Contract = typeof contract;
export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;

export * from './define';
export * from './views';
