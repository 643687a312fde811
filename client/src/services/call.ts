import type { z } from 'zod';
import type { ActionName, Contract, FunctionName } from '../../../shared/contract';
import type { Envelope } from '../../../shared/envelope';
import type { ErrorBody } from '../../../shared/errors';
import { send } from './transport';

/** The spec of one action, looked up in the contract by function and action name. */
type SpecOf<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends {
  input: infer I extends z.ZodType;
  output: infer O extends z.ZodType;
}
  ? { input: I; output: O }
  : never;

/** What the caller passes: the input schema's *input* type (before defaults and trimming). */
export type CallInput<F extends FunctionName, A extends ActionName<F>> = z.input<SpecOf<F, A>['input']>;
/** What the function answers on success: the output schema's output type. */
export type CallOutput<F extends FunctionName, A extends ActionName<F>> = z.output<SpecOf<F, A>['output']>;
export type CallResult<F extends FunctionName, A extends ActionName<F>> = Envelope<CallOutput<F, A>>;

export type RefusalListener = (error: ErrorBody, fn: FunctionName, action: string) => void;
const refusalListeners = new Set<RefusalListener>();

/** Observe every refusal (the session uses this to notice an expired sign-in). Returns the unsubscribe. */
export function onRefusal(listener: RefusalListener): () => void {
  refusalListeners.add(listener);
  return () => refusalListeners.delete(listener);
}

/**
 * Runs one action of one cloud function. Never throws for a refusal or a network fault: the answer is
 * always the envelope, and the caller decides what to show.
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: CallInput<F, A>,
): Promise<CallResult<F, A>> {
  const result = (await send(fn, action, input)) as CallResult<F, A>;
  if (!result.ok) {
    for (const listener of refusalListeners) listener(result.error, fn, action);
  }
  return result;
}

/**
 * One action as a named, typed function: its input and answer are the contract's schema types, so a service
 * module cannot drift from the contract (`export const decideFiling = action('review', 'decide')`).
 */
export const action =
  <F extends FunctionName, A extends ActionName<F>>(fn: F, name: A) =>
  (input: CallInput<F, A>): Promise<CallResult<F, A>> =>
    call(fn, name, input);
