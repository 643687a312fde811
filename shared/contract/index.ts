import { account } from './account';
import { admin } from './admin';
import type { ActionSpec } from './define';

/** The API contract: cloud function → action → spec. Client, router and docs all derive from it. */
export const contract = { account, admin } satisfies Record<string, Record<string, ActionSpec>>;

export type Contract = typeof contract;
export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;

export * from './define';
export * from './views';
