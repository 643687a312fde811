import { AppError } from '../../../shared/errors';
import type { UseCaseContext } from '../context';
import type { LimitName } from './rules';

type Subject = 'ip' | 'email' | 'visitor' | 'collective';

interface Step {
  rule: LimitName;
  /** Whose counter: the caller's address, or a subject the use case names. */
  by: Subject;
  /** Counted in bytes instead of requests. */
  cost?: 'bytes';
}

/**
 * Which limits each public (or abusable) action passes, declared once. A use case calls
 * `checkLimits(ctx, 'signUp', { visitor })`; the caller's address comes from the platform, never the body.
 * A new public write adds its line here (and its rule in rules.ts).
 */
const POLICIES = {
  signIn: [{ rule: 'signInPerIp', by: 'ip' }],
  recoveryMail: [
    { rule: 'recoveryPerIp', by: 'ip' },
    { rule: 'recoveryPerEmail', by: 'email' },
  ],
  startVisit: [{ rule: 'visitsPerIp', by: 'ip' }],
  signUp: [
    { rule: 'signupsPerIp', by: 'ip' },
    { rule: 'signupsPerVisitor', by: 'visitor' },
  ],
  evaluate: [
    { rule: 'evaluationsPerIp', by: 'ip' },
    { rule: 'evaluationsPerVisitor', by: 'visitor' },
  ],
  complain: [
    { rule: 'complaintsPerIp', by: 'ip' },
    { rule: 'complaintsPerVisitor', by: 'visitor' },
  ],
  upload: [
    { rule: 'uploadsPerCollective', by: 'collective' },
    { rule: 'uploadBytesPerCollective', by: 'collective', cost: 'bytes' },
  ],
  uploadPath: [{ rule: 'uploadPathsPerCollective', by: 'collective' }],
  creationEntry: [{ rule: 'creationEntriesPerCollective', by: 'collective' }],
  visitorPhoto: [
    { rule: 'evaluationPhotosPerIp', by: 'ip' },
    { rule: 'evaluationPhotosPerVisitor', by: 'visitor' },
  ],
  redeemInvitation: [{ rule: 'invitationRedeemsPerIp', by: 'ip' }],
  supervisionReport: [{ rule: 'supervisionReportsPerVisitor', by: 'visitor' }],
  supervisionUpload: [{ rule: 'supervisionUploadsPerVisitor', by: 'visitor' }],
} as const satisfies Record<string, readonly Step[]>;

export type PolicyName = keyof typeof POLICIES;
type StepOf<P extends PolicyName> = (typeof POLICIES)[P][number];
type Subjects<P extends PolicyName> = { [K in Exclude<StepOf<P>['by'], 'ip'>]: string } & ([Extract<StepOf<P>, { cost: 'bytes' }>] extends [never] ? unknown : { bytes: number });

type LimitContext = Pick<UseCaseContext, 'limiter' | 'config' | 'now' | 'caller'>;

/**
 * The caller's address for per-address limits. WeChat sometimes leaves CLIENTIP out of a mini-program call;
 * its OPENID then stands in (one WeChat user, one device), rather than pooling every such user together.
 * A caller with neither shares one counter with all such callers: limits fail closed.
 */
export const addressOf = (ctx: Pick<UseCaseContext, 'caller'>): string =>
  ctx.caller.ip ?? (ctx.caller.openid ? `wx:${ctx.caller.openid}` : 'unknown');

/** "3 分钟", "45 秒", "2 小时": when a refused caller may try again. */
export function retryAfterText(seconds: number): string {
  if (seconds < 60) return `${seconds} 秒`;
  if (seconds <= 90 * 60) return `${Math.ceil(seconds / 60)} 分钟`;
  return `${Math.ceil(seconds / 3600)} 小时`;
}

export const rateLimited = (retryAfterSeconds: number): AppError =>
  new AppError('RATE_LIMITED', `操作过于频繁，请在 ${retryAfterText(retryAfterSeconds)}后重试`, undefined, retryAfterSeconds);

/** Counts this call against every limit of the policy; the first one exceeded refuses it with RATE_LIMITED. */
export async function checkLimits<P extends PolicyName>(ctx: LimitContext, policy: P, subjects: Subjects<P>): Promise<void> {
  const named = subjects as Record<string, string | number>;
  const now = ctx.now();
  for (const step of POLICIES[policy] as readonly Step[]) {
    const subject = step.by === 'ip' ? addressOf(ctx) : String(named[step.by]);
    const cost = step.cost === 'bytes' ? Number(named.bytes) : 1;
    const decision = await ctx.limiter.hit(`${step.rule}:${subject}`, ctx.config.limits[step.rule], now, cost);
    if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds);
  }
}
