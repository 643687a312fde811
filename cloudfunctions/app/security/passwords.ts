import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are hashed with scrypt (a slow, memory-hard KDF). The cost is stored in each hash,
 * so raising SCRYPT_COST later upgrades new hashes without breaking old ones.
 */
function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, 32, { ...options, maxmem: 256 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export class PasswordHasher {
  constructor(private readonly log2Cost: number) {}

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const N = 2 ** this.log2Cost;
    const key = await derive(password, salt, { N, r: 8, p: 1 });
    return `scrypt$${N}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  async verify(password: string, stored: string): Promise<boolean> {
    const [scheme, N, r, p, salt, key] = stored.split('$');
    if (scheme !== 'scrypt' || !key) return false;
    const expected = Buffer.from(key, 'base64');
    const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  /** Spends the same time as a real check, so unknown codes cannot be told apart by timing. */
  async verifyNothing(password: string): Promise<void> {
    await derive(password, randomBytes(16), { N: 2 ** this.log2Cost, r: 8, p: 1 });
  }
}

const READABLE_LOWER = 'abcdefghjkmnpqrstuvwxyz';
const READABLE_UPPER = 'ABCDEFGHJKMNPQRSTUVWXYZ';
const READABLE_DIGITS = '23456789';

/** A one-time password: 10 readable characters with upper, lower and digits, shown once to the issuer. */
export function oneTimePassword(): string {
  const all = READABLE_LOWER + READABLE_UPPER + READABLE_DIGITS;
  const chars = [
    READABLE_LOWER[randomInt(READABLE_LOWER.length)],
    READABLE_UPPER[randomInt(READABLE_UPPER.length)],
    READABLE_DIGITS[randomInt(READABLE_DIGITS.length)],
  ];
  while (chars.length < 10) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
