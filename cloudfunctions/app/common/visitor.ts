import { AppError } from '../../../shared/errors';
import type { UseCaseContext } from '../context';

/** The calling visitor (open week, evaluation); refuses when there is none (see identity.ts resolveVisitor). */
export function visitorOf(ctx: UseCaseContext): string {
  if (!ctx.visitor) throw new AppError('VISITOR_REQUIRED');
  return ctx.visitor;
}
