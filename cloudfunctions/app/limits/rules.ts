import type { RateRule } from '../ports/rate-limiter';

/**
 * Every rate limit of the product: its environment variable and its default, as `<count>/<window>`
 * (count optionally with K or M: ×1024, ×1024²; window in s, m, h or d). `.env.example` and the README
 * list the same table.
 */
export const LIMIT_SETTINGS = {
  /** Sign-in attempts from one address, counted before the password is hashed. */
  signInPerIp: { env: 'RATE_SIGN_IN_PER_IP', default: '60/10m' },
  /** Wrong passwords for one code from one address before that address is locked out of the code. */
  signInFailures: { env: 'SIGN_IN_LOCK_FAILURES', default: '5/15m' },
  /** Addresses locked out of one code before the code is locked for everyone. */
  signInLockedAddresses: { env: 'SIGN_IN_LOCK_ADDRESSES', default: '5/1h' },
  /** Recovery mails (找回帐号, 找回密码) to one address. */
  recoveryPerEmail: { env: 'RATE_RECOVERY_PER_EMAIL', default: '3/1h' },
  /** Recovery requests from one network address. */
  recoveryPerIp: { env: 'RATE_RECOVERY_PER_IP', default: '10/1h' },
  /** Visitor tokens issued (openweek.startVisit) to one address. */
  visitsPerIp: { env: 'RATE_VISITS_PER_IP', default: '60/10m' },
  /** Signups (and retries) by one visitor. */
  signupsPerVisitor: { env: 'RATE_SIGNUPS_PER_VISITOR', default: '20/1h' },
  /** Signups from one address. */
  signupsPerIp: { env: 'RATE_SIGNUPS_PER_IP', default: '100/10m' },
  /** Uploads (event covers, summary photos, creation-log images and videos) by one collective. */
  uploadsPerCollective: { env: 'RATE_UPLOADS_PER_COLLECTIVE', default: '100/1d' },
  /** Bytes uploaded by one collective: room for a few creation-log videos (50 MB each at most) besides photos. */
  uploadBytesPerCollective: { env: 'RATE_UPLOAD_BYTES_PER_COLLECTIVE', default: '200M/1d' },
  /**
   * Upload paths one collective asks for (each writes a record the purge job keeps for a day): room for every
   * upload above plus retries, never an unbounded stream of records.
   */
  uploadPathsPerCollective: { env: 'RATE_UPLOAD_PATHS_PER_COLLECTIVE', default: '300/1d' },
  /** Creation-log entries (drafts) one collective starts; their images count as uploads above. */
  creationEntriesPerCollective: { env: 'RATE_CREATION_ENTRIES_PER_COLLECTIVE', default: '30/1d' },
  /** Evaluations (submits, replacements and refusals alike) by one visitor. */
  evaluationsPerVisitor: { env: 'RATE_EVALUATIONS_PER_VISITOR', default: '10/1h' },
  /** Evaluations from one address. */
  evaluationsPerIp: { env: 'RATE_EVALUATIONS_PER_IP', default: '60/10m' },
  /** Complaints (投诉, refusals included) by one visitor. */
  complaintsPerVisitor: { env: 'RATE_COMPLAINTS_PER_VISITOR', default: '5/1d' },
  /** Complaints from one address. */
  complaintsPerIp: { env: 'RATE_COMPLAINTS_PER_IP', default: '30/1h' },
  /** Photos for evaluations uploaded by one visitor (3 an evaluation; retries and replacements need room). */
  evaluationPhotosPerVisitor: { env: 'RATE_EVALUATION_PHOTOS_PER_VISITOR', default: '30/1d' },
  /** Photos for evaluations uploaded from one address. */
  evaluationPhotosPerIp: { env: 'RATE_EVALUATION_PHOTOS_PER_IP', default: '100/1h' },
  /** Supervisor invitation codes tried (redeemed or not) from one address: codes cannot be guessed. */
  invitationRedeemsPerIp: { env: 'RATE_INVITATION_REDEEMS_PER_IP', default: '20/1h' },
  /** 明察暗访 reports (refusals included) by one supervisor's visitor identity. */
  supervisionReportsPerVisitor: { env: 'RATE_SUPERVISION_REPORTS_PER_VISITOR', default: '20/1d' },
  /** Report photos uploaded by one supervisor's visitor identity. */
  supervisionUploadsPerVisitor: { env: 'RATE_SUPERVISION_UPLOADS_PER_VISITOR', default: '60/1d' },
} as const;

export type LimitName = keyof typeof LIMIT_SETTINGS;
export type LimitRules = Record<LimitName, RateRule>;

/** How long a lock-out after wrong passwords lasts (an address's, or the whole code's). */
export const SIGN_IN_LOCK_MINUTES = { env: 'SIGN_IN_LOCK_MINUTES', default: 15 } as const;

const RULE = /^(\d+)([KM]?)\/(\d+)([smhd])$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;
const MULTIPLIER = { '': 1, K: 1024, M: 1024 * 1024 } as const;

/** `60/10m` → 60 per 600 seconds; null when the text is not a rule. */
export function parseRule(text: string): RateRule | null {
  const match = RULE.exec(text.trim());
  if (!match) return null;
  const limit = Number(match[1]) * MULTIPLIER[match[2] as keyof typeof MULTIPLIER];
  const windowSeconds = Number(match[3]) * UNIT_SECONDS[match[4] as keyof typeof UNIT_SECONDS];
  return limit >= 1 && windowSeconds >= 1 ? { limit, windowSeconds } : null;
}

const defaultRule = (name: LimitName): RateRule => parseRule(LIMIT_SETTINGS[name].default) as RateRule;

/** The defaults, each overridable; tests and benchmarks raise the ones they are not about. */
export function limitRules(overrides: Partial<LimitRules> = {}): LimitRules {
  const rules = Object.fromEntries(Object.keys(LIMIT_SETTINGS).map((name) => [name, defaultRule(name as LimitName)])) as LimitRules;
  return { ...rules, ...overrides };
}
