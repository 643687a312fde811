import type { contract } from '../../../../shared/contract';
import { checkLimits } from '../../limits/policy';
import type { Handler } from '../../router';
import { newId } from '../../security/random';

const VISITOR_TOKEN_DAYS = 365;

/**
 * An H5 visitor's identity: a server-signed token the client keeps in storage and sends back in the
 * X-Visitor-Token header. A visitor who already holds a valid one keeps it; in the mini-program the
 * OPENID is the identity and no token is issued.
 */
export const startVisit: Handler<typeof contract.openweek.startVisit> = async (ctx) => {
  if (ctx.caller.openid) return { visitorToken: null };
  if (ctx.visitor && ctx.caller.visitorToken) return { visitorToken: ctx.caller.visitorToken };
  // Each new token is a new visitor with fresh signup limits: one address may not mint them without end.
  await checkLimits(ctx, 'startVisit', {});
  const expires = new Date(ctx.now().getTime() + VISITOR_TOKEN_DAYS * 86_400_000);
  return { visitorToken: ctx.tokens.signVisitor(newId(), expires) };
};
