import type { OutboxDoc } from '../../app/collections';
import type { Mail, Mailer } from '../../app/ports/mailer';
import type { Store } from '../../app/ports/store';
import { newId } from '../../app/security/random';

/** Mail on one machine without SMTP: kept in the store and shown by the local host at /dev/outbox. */
export class OutboxMailer implements Mailer {
  constructor(private readonly store: Store, private readonly now: () => Date) {}

  async send(mail: Mail): Promise<void> {
    const doc: OutboxDoc = { id: newId(), ...mail, sentAt: this.now().toISOString() };
    await this.store.insert('outbox', doc);
  }
}
