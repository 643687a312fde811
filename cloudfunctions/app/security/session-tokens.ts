import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Session tokens: `<payload>.<signature>`, HMAC-SHA256 over the base64url JSON payload.
 * The payload names a session record, so signing out revokes the token before it expires.
 */
export interface TokenPayload {
  sid: string;
  exp: number;
}

export class SessionTokens {
  constructor(private readonly secret: string) {}

  sign(payload: TokenPayload): string {
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The payload of a well-signed, unexpired token; null for anything else. */
  verify(token: string, now: Date): TokenPayload | null {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
      if (typeof payload.sid !== 'string' || typeof payload.exp !== 'number') return null;
      return payload.exp > now.getTime() ? payload : null;
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
