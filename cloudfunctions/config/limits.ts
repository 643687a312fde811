import { z } from 'zod';
import { LIMIT_SETTINGS, limitRules, parseRule, SIGN_IN_LOCK_MINUTES, type LimitName, type LimitRules } from '../app/limits/rules';
import type { RateRule } from '../app/ports/rate-limiter';
import { optionalVar } from './env';

const ruleVar = optionalVar(
  z.string().transform((text, ctx) => {
    const rule = parseRule(text);
    if (rule) return rule;
    ctx.addIssue({ code: 'custom', message: 'must be <count>/<window>, e.g. 60/10m (window in s, m, h or d)' });
    return z.NEVER;
  }),
);

type LimitEnvName = (typeof LIMIT_SETTINGS)[LimitName]['env'];

/** The rate-limit variables, read the same way by the local host and the CloudBase functions. */
export const limitsEnv = {
  ...(Object.fromEntries(Object.values(LIMIT_SETTINGS).map((s) => [s.env, ruleVar])) as Record<LimitEnvName, typeof ruleVar>),
  // optionalVar: cloudbaserc.json passes an unset variable as "", which must mean the default, not 0.
  [SIGN_IN_LOCK_MINUTES.env]: optionalVar(z.coerce.number().int().min(1).max(24 * 60)).default(SIGN_IN_LOCK_MINUTES.default),
};

/** The rules after parsing: each variable that is set replaces its default. */
export function limitsFromEnv(env: Partial<Record<LimitEnvName, RateRule>> & { SIGN_IN_LOCK_MINUTES: number }): {
  limits: LimitRules;
  signInLockMinutes: number;
} {
  const overrides: Partial<LimitRules> = {};
  for (const [name, setting] of Object.entries(LIMIT_SETTINGS) as Array<[LimitName, (typeof LIMIT_SETTINGS)[LimitName]]>) {
    const rule = env[setting.env];
    if (rule) overrides[name] = rule;
  }
  return { limits: limitRules(overrides), signInLockMinutes: env.SIGN_IN_LOCK_MINUTES };
}
