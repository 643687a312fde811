import { z } from 'zod';
import { ACCOUNT_ROLES } from '../domain/roles';

/** What clients see of an account: never its password hash, its OPENID, or a full recovery email. */
export const accountView = z.object({
  id: z.string(),
  code: z.string(),
  role: z.enum(ACCOUNT_ROLES),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(['active', 'locked', 'cancelled']),
  mustChangePassword: z.boolean(),
  /** e.g. "zh***@qq.com"; null when none is set. */
  recoveryEmailMasked: z.string().nullable(),
  wechatBound: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type AccountView = z.infer<typeof accountView>;

export const UNIT_KINDS = ['office', 'industry', 'region'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, string> = { office: '组委会', industry: '行业', region: '地方' };

export const unitView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  level: z.number().int().min(0).max(3),
  parentId: z.string().nullable(),
  /** Places allotted to the unit in the current campaign, when the quota table lists it. */
  quota: z.number().int().nullable(),
});
export type UnitView = z.infer<typeof unitView>;

export const auditView = z.object({
  id: z.string(),
  at: z.string(),
  /** A visitor is shown as 公众, never by an identifier of theirs. */
  actorKind: z.enum(['account', 'visitor', 'system']),
  actorCode: z.string().nullable(),
  /** Who acted, by name; null for the system (jobs, visitors) and for records older than names in the log. */
  actorName: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  summary: z.string(),
  reason: z.string().nullable(),
});
export type AuditView = z.infer<typeof auditView>;
