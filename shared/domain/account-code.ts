/**
 * Codes (用户名) are what people read aloud and type on a phone: no 0/O, 1/I/L look-alikes,
 * a two-letter prefix saying what kind of account it is, then six random characters.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_PREFIX = { office: 'BG', admin: 'GL', collective: 'JT' } as const;

export function formatCode(prefix: string, randomIndexes: number[]): string {
  return prefix + randomIndexes.map((i) => CODE_ALPHABET[i % CODE_ALPHABET.length]).join('');
}

/** Codes are matched case-insensitively and without surrounding spaces. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase();
}
