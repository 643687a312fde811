import { createHash, randomBytes, randomFillSync, randomInt } from 'node:crypto';
import { CODE_ALPHABET, formatCode } from '../../../shared/domain/account-code';

let lastMs = 0;
let sequence = 0;

/** Random bytes for ids, drawn a page at a time: one call per id cost more than the rest of the id. */
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

function randomHex(bytes: number): string {
  if (poolOffset + bytes > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += bytes;
  return pool.toString('hex', poolOffset - bytes, poolOffset);
}

/**
 * Ids that sort in creation order within a process (milliseconds, then a sequence, then randomness),
 * so records written in the same instant still list newest-first in the order they happened.
 */
export function newId(): string {
  const ms = Date.now();
  sequence = ms === lastMs ? sequence + 1 : 0;
  lastMs = ms;
  return `${ms.toString(16).padStart(12, '0')}${sequence.toString(16).padStart(4, '0')}${randomHex(8)}`;
}

export function randomCode(prefix: string): string {
  return formatCode(prefix, Array.from({ length: 6 }, () => randomInt(CODE_ALPHABET.length)));
}

/** A secret for links sent by mail; only its hash is stored. */
export function linkSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: sha256(secret) };
}

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** 8 characters from the look-alike-free alphabet: 31^8 ≈ 8.5×10^11, typed easily on a phone. */
export function newCheckInCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}
