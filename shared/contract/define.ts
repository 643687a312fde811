import '../zod-locale';
import type { z } from 'zod';
import type { Audience } from '../domain/roles';

/** One action of a cloud function: what it takes, what it answers, and who may call it. */
export interface ActionSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  input: I;
  output: O;
  roles: readonly Audience[];
  /** Callable while the account still holds a one-time password (sign-out, change password…). */
  beforePasswordChange?: boolean;
}

export const defineAction = <I extends z.ZodType, O extends z.ZodType>(spec: ActionSpec<I, O>) => spec;

export type InputOf<A extends ActionSpec> = z.input<A['input']>;
export type ParsedInputOf<A extends ActionSpec> = z.output<A['input']>;
export type OutputOf<A extends ActionSpec> = z.output<A['output']>;
