import type { AccountRole, AdminLevel } from '../../../shared/domain/roles';
import type { UnitKind } from '../../../shared/contract/views';
import type { CampaignRules } from '../../../shared/domain/filing/rules';
import { FILING_COLLECTIONS } from './filing';
import { OPENWEEK_COLLECTIONS } from './openweek';
import { CREATIONLOG_COLLECTIONS } from './creationlog';
import { MANAGEMENT_COLLECTIONS } from './management';
import { EVALUATION_COLLECTIONS } from './evaluation';
import { MEDIA_COLLECTIONS } from './media';
import { SUPERVISION_COLLECTIONS } from './supervision';
import type { IndexSpec } from './index-spec';

export type { IndexSpec } from './index-spec';

/**
 * Every collection, its document shape and the indexes its queries need, declared once:
 * the SQLite adapter creates them at start, `npm run setup:cloudbase` prints them for CloudBase.
 */

export const COLLECTIONS = {
  units: [{ fields: ['parentId', 'name'], unique: true }, { fields: ['parentId', 'createdAt'] }],
  accounts: [
    { fields: ['code'], unique: true },
    { fields: ['recoveryEmail'] },
    { fields: ['unitPath', 'createdAt'] },
  ],
  /** One document per bound WeChat user, keyed by OPENID: the id makes the binding unique. */
  wechatBindings: [],
  /** By expiry too: the purge job removes the expired ones. */
  sessions: [{ fields: ['accountId'] }, { fields: ['expiresAt'] }],
  resetTokens: [{ fields: ['accountId'] }, { fields: ['expiresAt'] }],
  /**
   * Newest first: everything for the office (at), a branch for its admins (unitL1, at: an equality, so the
   * index serves the order; a unit-path prefix would sort its whole range), one object's history (objectId, at).
   */
  audit: [{ fields: ['at'] }, { fields: ['unitL1', 'at'] }, { fields: ['objectId', 'at'] }],
  /** The transactional outbox (outbox/records.ts): work written with a change, taken by runners when due. */
  outbox: [{ fields: ['dueAt'] }],
  /** Mail and WeChat messages kept on one machine instead of being sent (DevMailbox adapters, /dev/mailbox). */
  devMailbox: [{ fields: ['sentAt'] }],
  campaigns: [{ fields: ['createdAt'] }],
  quotas: [{ fields: ['campaignId', 'unitId'], unique: true }],
  /** Rate-limit counters (limits/store-rate-limiter.ts); the purge job finds expired ones by `expiresAt`. */
  rateLimits: [{ fields: ['expiresAt'] }],
  /** One record per upgrade of older data that has completed (jobs/data-upgrades.ts), read by id only. */
  dataUpgrades: [],
  ...FILING_COLLECTIONS,
  ...OPENWEEK_COLLECTIONS,
  ...CREATIONLOG_COLLECTIONS,
  ...MANAGEMENT_COLLECTIONS,
  ...EVALUATION_COLLECTIONS,
  ...MEDIA_COLLECTIONS,
  ...SUPERVISION_COLLECTIONS,
} satisfies Record<string, IndexSpec[]>;

export type CollectionName = keyof typeof COLLECTIONS;

export interface UnitDoc {
  id: string;
  name: string;
  kind: UnitKind;
  /** 0 for the office's root unit, then 1–3. */
  level: number;
  parentId: string | null;
  /** Ids from the root down to this unit: "/root/a/b/". */
  path: string;
  createdAt: string;
}

export type AccountStatus = 'active' | 'locked' | 'cancelled';

export interface AccountDoc {
  id: string;
  code: string;
  role: AccountRole;
  level: AdminLevel | null;
  name: string;
  unitId: string;
  unitPath: string;
  status: AccountStatus;
  passwordHash: string;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  recoveryEmail: string | null;
  /** The WeChat OPENID bound after a password sign-in in the mini-program (its wechatBindings document holds it too). */
  openid: string | null;
  createdAt: string;
  updatedAt: string;
  /** Bumped on every change, so a stale read cannot overwrite a newer state. */
  version: number;
}

export interface WechatBindingDoc {
  /** The OPENID. */
  id: string;
  accountId: string;
  boundAt: string;
  /**
   * The last password sign-in from this WeChat user (absent on bindings made before it was recorded: boundAt).
   * The binding stops working `wechatBindingMaxAgeDays` after it.
   */
  passwordSignInAt?: string;
}

export interface SessionDoc {
  id: string;
  accountId: string;
  createdAt: string;
  expiresAt: string;
}

export interface ResetTokenDoc {
  /** sha256 of the token: the link's secret is never stored. */
  id: string;
  accountId: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface AuditDoc {
  id: string;
  at: string;
  /** Who acted: an account, a member of the public (actorId is then their signup's id), or the system. Absent on records before issue #8. */
  actorKind?: 'account' | 'visitor' | 'system';
  actorId: string | null;
  actorCode: string | null;
  /** Who acted, by name as it read then (records written before names were kept have none). */
  actorName?: string | null;
  action: string;
  objectType: string;
  objectId: string;
  /** Path of the unit the object belongs to, so admins see the audit of their subtree. */
  unitPath: string;
  /** The level-1 unit of that path ('' for the office's own records): the branch whose admins see it. */
  unitL1: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface DevMailDoc {
  id: string;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

/** One rate-limit counter: the units counted in the window that ends at `expiresAt`. */
export interface RateLimitDoc {
  /** A hash of the limit's key (rule and subject). */
  id: string;
  count: number;
  expiresAt: string;
}

export interface CampaignDoc {
  id: string;
  name: string;
  level: 'national' | 'provincial' | 'city' | 'county';
  term: string;
  /** The filing deadline as a China-time date, with its meaning spelled out: closed from 00:00 China time that day. */
  filingCloses: { before: string };
  /** Issue #3: open from 00:00 China time that day (absent: open since the campaign was created). */
  filingOpens?: string;
  /** Issue #3: the basic conditions, eligibility and reminder lead (absent: the defaults, no eligibility rule). */
  rules?: Omit<CampaignRules, 'window' | 'targetMultiplier'> & { /** Issue #14 (absent: the default, 10). */ targetMultiplier?: number };
  /** Issue #3: bumped on every rule change (absent: 1). */
  version?: number;
  createdAt: string;
}

export interface QuotaDoc {
  id: string;
  campaignId: string;
  unitId: string;
  places: number | null;
  base: number | null;
  requiredFilings: number | null;
}
