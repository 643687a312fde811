import type { OutboxDoc } from '../../app/collections';
import type { Message, Notifier } from '../../app/ports/notifier';
import type { Store } from '../../app/ports/store';
import { newId } from '../../app/security/random';

/** WeChat messages on one machine: kept in the outbox beside mail, shown at /dev/outbox. */
export class OutboxNotifier implements Notifier {
  constructor(private readonly store: Store, private readonly now: () => Date) {}

  async send(message: Message): Promise<void> {
    const to = message.recipient.kind === 'account' ? `微信 account:${message.recipient.accountId}` : `微信 visitor:${message.recipient.visitorId}`;
    const doc: OutboxDoc = {
      id: newId(),
      to,
      subject: `[${message.topic}] ${message.title}`,
      text: `${message.body}\n打开：${message.page}`,
      sentAt: this.now().toISOString(),
    };
    await this.store.insert('outbox', doc);
  }
}
