import type { DevMailDoc } from '../../app/collections';
import type { Message, Notifier } from '../../app/ports/notifier';
import type { Store } from '../../app/ports/store';
import { newId } from '../../app/security/random';

/** WeChat messages on one machine: kept in the developer mailbox beside mail, shown at /dev/mailbox. */
export class DevMailboxNotifier implements Notifier {
  constructor(private readonly store: Store, private readonly now: () => Date) {}

  async send(message: Message): Promise<void> {
    const to = message.recipient.kind === 'account' ? `微信 account:${message.recipient.accountId}` : `微信 visitor:${message.recipient.visitorId}`;
    const doc: DevMailDoc = {
      id: newId(),
      to,
      subject: `[${message.topic}] ${message.title}`,
      text: `${message.body}\n打开：${message.page}`,
      sentAt: this.now().toISOString(),
    };
    await this.store.insert('devMailbox', doc);
  }
}
