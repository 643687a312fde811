import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { optionalVar, parseEnv } from '../config/env';
import { limitsEnv, limitsFromEnv } from '../config/limits';
import { calendarEnv, calendarFromEnv } from '../config/calendar';
import type { WorkCalendar } from '../../shared/domain/working-days';
import type { LimitRules } from '../app/limits/rules';
import { DEFAULT_BLOCKED_WORDS, parseBlockedWords, parseHeldImages } from '../adapters/content/word-list-content-security';

/**
 * The local host's configuration, from the environment, with safe defaults for one machine.
 * Anything malformed stops start-up with a message naming the variable. `.env.example` lists them all.
 */
const schema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('.data'),
    SESSION_SECRET: optionalVar(z.string().min(32, 'must be at least 32 characters')),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
    PUBLIC_URL: optionalVar(z.url()),
    SMTP_URL: optionalVar(z.string().min(1)),
    MAIL_FROM: z.string().min(3).default('青年文明号在线 <no-reply@localhost>'),
    SCRYPT_COST: z.coerce.number().int().min(10).max(20).default(15),
    DEMO: z.enum(['0', '1']).default('1'),
    JOBS: z.enum(['0', '1']).default('1'),
    H5_DIR: z.string().min(1).default('dist/h5'),
    WECHAT_BINDING_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    /** How many proxies in front of the host to believe in X-Forwarded-For (0: the socket's address is the caller's). */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /** Words that make the local content check refuse a comment (comma- or 、-separated); unset: a short default list. */
    CONTENT_BLOCKED_WORDS: optionalVar(z.string()),
    /** sha256 of images the local content check holds for review (comma-separated); their verdict comes through /dev/media-verdict. */
    CONTENT_HELD_IMAGES: optionalVar(
      z
        .string()
        .transform(parseHeldImages)
        .pipe(z.array(z.string().regex(/^[0-9a-f]{64}$/, 'must be sha256 hashes in hex, comma-separated'))),
    ),
    /** Words that leave a comment for review (stored, not shown until the managing unit decides); unset: none. */
    CONTENT_REVIEW_WORDS: optionalVar(z.string()),
    ...limitsEnv,
    ...calendarEnv,
  })
  .superRefine((c, ctx) => {
    if (!c.SMTP_URL && !isLoopback(c.HOST)) {
      ctx.addIssue({
        code: 'custom',
        path: ['HOST'],
        message:
          `${c.HOST} is not a loopback address, and SMTP_URL is not set: recovery mail (with password-reset links) would ` +
          'only land in the local outbox, which is never served off loopback. Set SMTP_URL, or listen on 127.0.0.1. ' +
          '（非本机地址监听时须配置 SMTP_URL）',
      });
    }
  });

/** 127.0.0.0/8, ::1 (also as ::ffff:127.x.y.z) and `localhost`: addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./.test(bare) || /^0{0,4}(:0{0,4}){6}:0{0,3}1$/.test(bare);
  return false;
}

export interface LocalHostConfig {
  port: number;
  host: string;
  dataDir: string;
  sessionSecret: string;
  sessionTtlHours: number;
  publicUrl: string | null;
  smtpUrl: string | null;
  mailFrom: string;
  scryptCost: number;
  demo: boolean;
  jobs: boolean;
  h5Dir: string;
  trustProxy: number;
  limits: LimitRules;
  signInLockMinutes: number;
  wechatBindingMaxAgeDays: number;
  /** The local content check's blocked words (DEFAULT_BLOCKED_WORDS when CONTENT_BLOCKED_WORDS is unset). */
  blockedWords: readonly string[];
  /** sha256 of images the local content check holds for review (CONTENT_HELD_IMAGES); none by default. */
  heldImages: readonly string[];
  /** The local content check's words that leave a text for review (CONTENT_REVIEW_WORDS; none when unset). */
  reviewWords: readonly string[];
  workCalendar: WorkCalendar;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LocalHostConfig {
  const c = parseEnv(schema, env, 'see .env.example');
  const dataDir = resolve(c.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    sessionSecret: c.SESSION_SECRET ?? localSecret(dataDir),
    sessionTtlHours: c.SESSION_TTL_HOURS,
    publicUrl: c.PUBLIC_URL ?? null,
    smtpUrl: c.SMTP_URL ?? null,
    mailFrom: c.MAIL_FROM,
    scryptCost: c.SCRYPT_COST,
    demo: c.DEMO === '1',
    jobs: c.JOBS === '1',
    h5Dir: resolve(c.H5_DIR),
    trustProxy: c.TRUST_PROXY,
    ...limitsFromEnv(c),
    wechatBindingMaxAgeDays: c.WECHAT_BINDING_MAX_AGE_DAYS,
    blockedWords: c.CONTENT_BLOCKED_WORDS ? parseBlockedWords(c.CONTENT_BLOCKED_WORDS) : DEFAULT_BLOCKED_WORDS,
    heldImages: c.CONTENT_HELD_IMAGES ?? [],
    reviewWords: c.CONTENT_REVIEW_WORDS ? parseBlockedWords(c.CONTENT_REVIEW_WORDS) : [],
    workCalendar: calendarFromEnv(c),
  };
}

/** Without SESSION_SECRET, one machine keeps a random secret beside its data, readable by its owner only. */
function localSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return readFileSync(file, 'utf8').trim();
}
