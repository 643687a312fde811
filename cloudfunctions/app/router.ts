import { z } from 'zod';
import { contract, strictInput, type ActionSpec, type Contract, type FunctionName } from '../../shared/contract';
import { AppError, ERRORS, type ErrorBody, type FieldErrors } from '../../shared/errors';
import { failure, success, type Envelope } from '../../shared/envelope';
import { audienceOf } from '../../shared/domain/roles';
import type { Caller, Deps, UseCaseContext } from './context';
import { assertUsable, resolveActor, resolveVisitor } from './common/identity';
import { InvalidCursorError, StoreUnavailableError, TransactionConflictError } from './ports/store';

export type Handler<A extends ActionSpec> = (ctx: UseCaseContext, input: z.output<A['input']>) => Promise<z.input<A['output']>>;

/** The use cases of one cloud function, one per action of its contract: the compiler flags a missing one. */
export type FunctionHandlers<F extends FunctionName> = { [A in keyof Contract[F]]: Contract[F][A] extends ActionSpec ? Handler<Contract[F][A]> : never };

const eventSchema = z.object({ action: z.string().min(1).max(64), data: z.unknown().optional() });

export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] ??= `${key}：不是此操作接受的字段`;
      continue;
    }
    const key = issue.path.length ? issue.path.join('.') : '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

/**
 * Runs one call to a cloud function: validate the input, resolve the caller from the platform,
 * check role, run the use case, check the output against the contract, and answer one envelope.
 * Output parsing also strips anything the contract does not name, so internals never leak.
 */
export async function dispatch<F extends FunctionName>(
  deps: Deps,
  fn: F,
  handlers: FunctionHandlers<F>,
  event: unknown,
  caller: Caller,
): Promise<Envelope<unknown>> {
  try {
    const parsedEvent = eventSchema.safeParse(event);
    const actions = contract[fn] as Record<string, ActionSpec>;
    const action = parsedEvent.success ? parsedEvent.data.action : '';
    const spec = Object.prototype.hasOwnProperty.call(actions, action) ? actions[action] : undefined;
    if (!parsedEvent.success || !spec) throw new AppError('UNKNOWN_ACTION');

    const { actor, invalidToken } = await resolveActor(deps, caller);
    if (!spec.roles.includes('public')) {
      if (actor.kind === 'anonymous') throw new AppError(invalidToken ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED');
      assertUsable(actor.account);
      if (!spec.roles.includes(audienceOf(actor.account))) throw new AppError('FORBIDDEN', spec.refusal);
      if (actor.account.mustChangePassword && !spec.beforePasswordChange) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }

    const input = strictInput(spec.input).safeParse(parsedEvent.data.data ?? {});
    if (!input.success) {
      const fields = fieldErrors(input.error);
      throw new AppError('INVALID_INPUT', Object.values(fields).join('；'), fields);
    }
    const handler = (handlers as Record<string, Handler<ActionSpec>>)[action];
    const output = await handler({ ...deps, actor, caller, visitor: resolveVisitor(deps, caller) }, input.data);
    return success(spec.output.parse(output));
  } catch (error) {
    return failure(toErrorBody(error));
  }
}

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) return error.toBody();
  // Contention that outlasted the store's own retries: the caller may simply try again.
  if (error instanceof TransactionConflictError) return { code: 'CONFLICT', message: ERRORS.CONFLICT.message };
  // The database did not answer in time: an outage of the moment, not a fault to hide behind INTERNAL.
  if (error instanceof StoreUnavailableError) return { code: 'STORE_UNAVAILABLE', message: ERRORS.STORE_UNAVAILABLE.message };
  if (error instanceof InvalidCursorError) {
    return { code: 'INVALID_INPUT', message: '分页参数无效，请刷新列表', fields: { cursor: '分页参数无效' } };
  }
  console.error('[router] unexpected failure', error);
  return { code: 'INTERNAL', message: ERRORS.INTERNAL.message };
}

export const httpStatusOf = (envelope: Envelope<unknown>): number => (envelope.ok ? 200 : ERRORS[envelope.error.code].status);

/** Over HTTP, a refusal that passes (a rate limit, a lock) says when to retry in Retry-After too. */
export const retryAfterHeader = (envelope: Envelope<unknown>): Record<string, string> =>
  !envelope.ok && envelope.error.retryAfterSeconds !== undefined ? { 'retry-after': String(envelope.error.retryAfterSeconds) } : {};
