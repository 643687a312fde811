/** Outgoing mail: SMTP in production, the developer mailbox (a collection) on one machine. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}
