import { join } from 'node:path';
import { COLLECTIONS } from '../app/collections';
import type { Deps } from '../app/context';
import type { Mailer } from '../app/ports/mailer';
import { StoreRateLimiter } from '../app/limits/store-rate-limiter';
import { PasswordHasher } from '../app/security/passwords';
import { SessionTokens } from '../app/security/session-tokens';
import { OutboxMailer } from '../adapters/mail/outbox-mailer';
import { OutboxNotifier } from '../adapters/mail/outbox-notifier';
import { SmtpMailer } from '../adapters/mail/smtp-mailer';
import { LocalDiskFiles } from '../adapters/files/local-disk-files';
import { SqliteStore } from '../adapters/sqlite/sqlite-store';
import type { LocalHostConfig } from './config';

/** Wires the use cases to this machine's adapters: SQLite, SMTP or the outbox. */
export function composeLocal(config: LocalHostConfig, publicUrl: string): Deps & { usesOutbox: boolean; files: LocalDiskFiles } {
  const store = new SqliteStore(join(config.dataDir, 'qnwmh.sqlite'), COLLECTIONS);
  const now = () => new Date();
  const mailer: Mailer = config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new OutboxMailer(store, now);
  return {
    store,
    mailer,
    notifier: new OutboxNotifier(store, now),
    passwords: new PasswordHasher(config.scryptCost),
    tokens: new SessionTokens(config.sessionSecret),
    limiter: new StoreRateLimiter(store),
    now,
    config: { sessionTtlHours: config.sessionTtlHours, publicUrl, limits: config.limits, signInLockMinutes: config.signInLockMinutes, wechatBindingMaxAgeDays: config.wechatBindingMaxAgeDays },
    usesOutbox: !config.smtpUrl,
    files: new LocalDiskFiles(join(config.dataDir, 'files')),
  };
}
