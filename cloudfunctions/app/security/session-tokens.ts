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

  /**
   * A visitor token for the public over HTTP: `v1.<id>.<exp>.<signature>`, signed with a key derived
   * from the same secret but separate from sessions', so neither kind of token passes for the other.
   */
  signVisitor(visitorId: string, expiresAt: Date): string {
    const body = `v1.${visitorId}.${expiresAt.getTime()}`;
    return `${body}.${this.visitorMac(body)}`;
  }

  /** The visitor id of a well-signed, unexpired visitor token; null for anything else. */
  verifyVisitor(token: string, now: Date): string | null {
    const parts = token.split('.');
    if (parts.length !== 4 || parts[0] !== 'v1' || !/^[A-Za-z0-9_-]{16,64}$/.test(parts[1])) return null;
    const body = parts.slice(0, 3).join('.');
    const expected = Buffer.from(this.visitorMac(body));
    const given = Buffer.from(parts[3]);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const exp = Number(parts[2]);
    return Number.isFinite(exp) && exp > now.getTime() ? parts[1] : null;
  }

  private visitorMac(body: string): string {
    return createHmac('sha256', `visitor-token:${this.secret}`).update(body).digest('base64url');
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
