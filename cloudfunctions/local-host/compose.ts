import { join } from 'node:path';
import { COLLECTIONS } from '../app/collections';
import type { Deps } from '../app/context';
import type { Mailer } from '../app/ports/mailer';
import { PasswordHasher } from '../app/security/passwords';
import { SessionTokens } from '../app/security/session-tokens';
import { DevMailboxMailer } from '../adapters/mail/dev-mailbox-mailer';
import { DevMailboxNotifier } from '../adapters/mail/dev-mailbox-notifier';
import { SmtpMailer } from '../adapters/mail/smtp-mailer';
import { LocalDiskFiles } from '../adapters/files/local-disk-files';
import { SqliteStore } from '../adapters/sqlite/sqlite-store';
import { MemoryRateLimiter } from '../adapters/limits/memory-rate-limiter';
import { WordListContentSecurity } from '../adapters/content/word-list-content-security';
import { NO_RISK } from '../app/ports/risk-control';
import type { LocalHostConfig } from './config';

/** Wires the use cases to this machine's adapters: SQLite, SMTP or the developer mailbox. */
export function composeLocal(config: LocalHostConfig, publicUrl: string): Deps & { usesDevMailbox: boolean; files: LocalDiskFiles } {
  const store = new SqliteStore(join(config.dataDir, 'qnwmh.sqlite'), COLLECTIONS);
  const now = () => new Date();
  const files = new LocalDiskFiles(join(config.dataDir, 'files'));
  const mailer: Mailer = config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new DevMailboxMailer(store, now);
  return {
    store,
    mailer,
    notifier: new DevMailboxNotifier(store, now),
    passwords: new PasswordHasher(config.scryptCost),
    tokens: new SessionTokens(config.sessionSecret),
    // One process serves every request here: counters in memory (lost on restart); CloudBase counts in the store.
    limiter: new MemoryRateLimiter(),
    contentSecurity: new WordListContentSecurity(config.blockedWords, {
      held: { hashes: config.heldImages, read: (url) => files.read(url) },
      reviewWords: config.reviewWords,
    }),
    riskControl: NO_RISK,
    now,
    config: { sessionTtlHours: config.sessionTtlHours, publicUrl, limits: config.limits, signInLockMinutes: config.signInLockMinutes, wechatBindingMaxAgeDays: config.wechatBindingMaxAgeDays, workCalendar: config.workCalendar },
    usesDevMailbox: !config.smtpUrl,
    files,
  };
}
