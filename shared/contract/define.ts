import '../zod-locale';
import { z } from 'zod';
import type { Audience } from '../domain/roles';

/** One action of a cloud function: what it takes, what it answers, and who may call it. */
export interface ActionSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
  roles: readonly Audience[];
  /** Callable while the account still holds a one-time password (sign-out, change password…). */
  beforePasswordChange?: boolean;
  /** What a signed-in caller of another audience is told (FORBIDDEN), naming who may; absent: the generic message. */
  refusal?: string;
}

export const defineAction = <I extends z.ZodType, O extends z.ZodType>(spec: ActionSpec<I, O>) => spec;

export type InputOf<A extends ActionSpec> = z.input<A['input']>;
export type ParsedInputOf<A extends ActionSpec> = z.output<A['input']>;
export type OutputOf<A extends ActionSpec> = z.output<A['output']>;

const strictInputs = new WeakMap<z.ZodType, z.ZodType>();

/**
 * An action's input as the router parses it and GET /api describes it: strict, so a key the contract does not
 * name is refused by name rather than silently dropped. The schemas themselves strip, because client forms
 * parse them with fields of their own (确认新密码) and send only what the schema keeps.
 */
export function strictInput(schema: z.ZodType): z.ZodType {
  let strict = strictInputs.get(schema);
  if (!strict) {
    strict = schema instanceof z.ZodObject ? schema.strict() : schema;
    strictInputs.set(schema, strict);
  }
  return strict;
}
