import type { WorkCalendar } from '../../shared/domain/working-days';
import type { AccountDoc } from './collections';
import type { ContentSecurity } from './ports/content-security';
import type { MiniProgramCodes } from './ports/mini-program-code';
import type { RiskControl } from './ports/risk-control';
import type { LimitRules } from './limits/rules';
import type { FileStorage } from './ports/files';
import type { Mailer } from './ports/mailer';
import type { Notifier } from './ports/notifier';
import type { RateLimiter } from './ports/rate-limiter';
import type { Store } from './ports/store';
import type { PasswordHasher } from './security/passwords';
import type { SessionTokens } from './security/session-tokens';

/** Where the caller's identity comes from: a WeChat OPENID from the platform, or a bearer token. Never the body. */
export interface Caller {
  openid?: string;
  token?: string;
  /** Over HTTP only: the visitor token `openweek.startVisit` issued, from its own header (X-Visitor-Token). */
  visitorToken?: string;
  /**
   * The caller's network address, for rate limits: the socket's (or a trusted proxy's X-Forwarded-For) on
   * the local host, CLIENTIP from the WeChat context, the gateway's headers for CloudBase HTTP access.
   */
  ip?: string;
  /** The mini-program's AppID from the WeChat context (for WeChat's risk rank). */
  appid?: string;
}

export type Actor = { kind: 'anonymous' } | { kind: 'account'; account: AccountDoc; sessionId: string | null };

export interface AppConfig {
  sessionTtlHours: number;
  /** Base URL of the H5 client, for links in mail. */
  publicUrl: string;
  /** Rate limits (limits/rules.ts; RATE_* variables). */
  limits: LimitRules;
  /** How long wrong passwords lock an address (or, after many addresses, the code) out. */
  signInLockMinutes: number;
  /** A WeChat binding stops working this many days after its last password sign-in (absent: 90). */
  wechatBindingMaxAgeDays?: number;
  /** Public holidays and 调休 workdays for deadlines in working days (absent: weekends only). */
  workCalendar?: WorkCalendar;
}

/** Everything a use case may touch; built once per process by the local host or a CloudBase entry. */
export interface Deps {
  store: Store;
  mailer: Mailer;
  notifier: Notifier;
  passwords: PasswordHasher;
  tokens: SessionTokens;
  /** Counters shared by every instance (the store), never one process's memory. */
  limiter: RateLimiter;
  now: () => Date;
  config: AppConfig;
  /** Checks what the public writes before it is shown (word list locally, WeChat 内容安全 on CloudBase). */
  contentSecurity: ContentSecurity;
  /** How risky a WeChat rater looks (WeChat's user risk rank on CloudBase; nobody on the local host). */
  riskControl: RiskControl;
  /** Uploaded files (summary photos); absent where no storage is configured, and uploads are then refused. */
  files?: FileStorage;
  /** Mini-program codes for the QR poster (WeChat's on CloudBase); absent on the local host, whose poster shows an H5 QR. */
  miniProgramCodes?: MiniProgramCodes;
  /** Asks this process's job loop to run the outbox soon (the local host); absent on CloudBase, whose timer runs it. */
  wakeJobs?: () => void;
}

export interface UseCaseContext extends Deps {
  actor: Actor;
  caller: Caller;
  /**
   * The public visitor (open week), independent of any account: `wx:<OPENID>` in the mini-program,
   * `h5:<id>` from a valid visitor token over HTTP, null otherwise. See common/identity.ts `resolveVisitor`.
   */
  visitor?: string | null;
}

/** The signed-in account; the router has already refused anonymous callers for non-public actions. */
export function accountOf(ctx: UseCaseContext): AccountDoc {
  if (ctx.actor.kind !== 'account') throw new Error('use case requires a signed-in account');
  return ctx.actor.account;
}
