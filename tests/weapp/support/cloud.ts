import type { z } from 'zod';
import { contract, type ActionName, type ActionSpec, type Contract, type FunctionName } from '../../../shared/contract';
import type { Envelope } from '../../../shared/envelope';

/** Every action of every function, as `function.action`. */
export type ActionKey = { [F in FunctionName]: `${F}.${ActionName<F>}` }[FunctionName];

type SpecAt<K extends ActionKey> = K extends `${infer F extends FunctionName}.${infer A}`
  ? A extends keyof Contract[F]
    ? Contract[F][A]
    : never
  : never;
/** What a fixture of this action holds: the output schema's input type (what the use case returns). */
export type FixtureOf<K extends ActionKey> = SpecAt<K> extends { output: infer O extends z.ZodType } ? z.input<O> : never;
type AnswerOf<K extends ActionKey> = SpecAt<K> extends { output: infer O extends z.ZodType } ? z.output<O> : never;

function outputSchema(key: ActionKey): z.ZodType {
  const [fn, action] = key.split('.') as [FunctionName, string];
  return (contract[fn] as Record<string, ActionSpec>)[action].output;
}

/**
 * What `function.action` answers with this data, parsed by the action's output schema as the router parses a
 * use case's result: a fixture that drifts from the contract fails here, loudly, instead of feeding the page
 * something the real function never sends.
 */
export function fixture<K extends ActionKey>(key: K, data: FixtureOf<K>): AnswerOf<K> {
  const parsed = outputSchema(key).safeParse(data);
  if (!parsed.success) throw new Error(`fixture for ${key} does not match the contract: ${parsed.error.message}`);
  return parsed.data as AnswerOf<K>;
}

/** One action's answer: its data (checked by the contract), or a function of the call giving an envelope. */
type Answer<K extends ActionKey> = FixtureOf<K> | ((call: CloudCall) => Envelope<FixtureOf<K>>);
export type CloudTable = { [K in ActionKey]?: Answer<K> };

/**
 * A fake cloud answering from a table keyed `function.action`. Every success it gives is parsed by the
 * contract: fixed data here, when the table is made (so a drifting fixture fails the test file at once), and a
 * function's answer when it is given. `account.me` answers "nobody signed in" unless the table says
 * otherwise; any other call is refused as INTERNAL, naming it.
 */
export function fakeCloud(table: CloudTable): CloudAnswer {
  const answers = new Map<string, (call: CloudCall) => Envelope<unknown>>();
  for (const [key, entry] of Object.entries({ 'account.me': { account: null }, ...table })) {
    if (typeof entry === 'function') {
      const answer = entry as (call: CloudCall) => Envelope<never>;
      answers.set(key, (call) => {
        const result = answer(call);
        return result.ok ? { ok: true, data: fixture(key as ActionKey, result.data) } : result;
      });
    } else {
      const data = fixture(key as ActionKey, entry as never);
      answers.set(key, () => ({ ok: true, data }));
    }
  }
  return (call) => {
    const key = `${call.name}.${call.data.action}`;
    return answers.get(key)?.(call) ?? { ok: false, error: { code: 'INTERNAL', message: `no fake answer for ${key}` } };
  };
}

/** What the page sent to a cloud function: `{ name: 'account', data: { action: 'signIn', data: {…} } }`. */
export interface CloudCall {
  name: string;
  data: { action: string; data: unknown };
}

/** Answers one call as the cloud function would (its envelope); may be async. */
export type CloudAnswer = (call: CloudCall) => Envelope<unknown> | Promise<Envelope<unknown>>;

/** The cloud when nobody is signed in and the page needs nothing else. */
export const signedOut: CloudAnswer = fakeCloud({});
