import type { DevMailDoc } from '../../app/collections';
import type { Mail, Mailer } from '../../app/ports/mailer';
import type { Store } from '../../app/ports/store';
import { newId } from '../../app/security/random';

/** Mail on one machine without SMTP: kept in the store and shown by the local host at /dev/mailbox. */
export class DevMailboxMailer implements Mailer {
  constructor(private readonly store: Store, private readonly now: () => Date) {}

  async send(mail: Mail): Promise<void> {
    const doc: DevMailDoc = { id: newId(), ...mail, sentAt: this.now().toISOString() };
    await this.store.insert('devMailbox', doc);
  }
}
