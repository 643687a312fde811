import { SessionTokens } from '../../cloudfunctions/app/security/session-tokens';

const tokens = new SessionTokens('a-secret-long-enough-for-the-hmac-0123456789');
const now = new Date('2018-11-20T08:00:00.000Z');

describe('session tokens', () => {
  test('a signed token verifies until the millisecond it expires', () => {
    const token = tokens.sign({ sid: 's1', exp: now.getTime() + 1000 });
    expect(tokens.verify(token, now)).toEqual({ sid: 's1', exp: now.getTime() + 1000 });
    expect(tokens.verify(token, new Date(now.getTime() + 1000))).toBeNull();
  });

  test('a token with a changed payload or another secret is refused', () => {
    const token = tokens.sign({ sid: 's1', exp: now.getTime() + 1000 });
    const forged = Buffer.from(JSON.stringify({ sid: 'someone-else', exp: now.getTime() + 1000 })).toString('base64url');
    expect(tokens.verify(`${forged}.${token.split('.')[1]}`, now)).toBeNull();
    expect(new SessionTokens('another-secret-long-enough-0123456789abcdef').verify(token, now)).toBeNull();
    expect(tokens.verify('garbage', now)).toBeNull();
  });
});
