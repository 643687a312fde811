/**
 * Messages to people inside WeChat: subscribe messages in production (one-time subscriptions the
 * user granted in the mini-program), the developer mailbox on one machine.
 */
export type Recipient = { kind: 'account'; accountId: string } | { kind: 'visitor'; visitorId: string };

export interface Message {
  recipient: Recipient;
  /** Which subscribe-message template carries it, e.g. `filingDecision`, `eventReminder`. */
  topic: string;
  title: string;
  body: string;
  /** The mini-program page the message opens, e.g. `pages/filing/status`. */
  page: string;
}

export interface Notifier {
  /** Best effort: a message that cannot be delivered (no subscription left) is dropped, never thrown. */
  send(message: Message): Promise<void>;
}
