import { createHash, randomBytes } from 'node:crypto';
import type { ContentSecurity, ContentVerdict, ImageCheck, ImageVerdict, TextCheck } from '../../app/ports/content-security';

/**
 * The local host's content check: text containing a blocked word is rejected, everything else passes.
 * The list comes from CONTENT_BLOCKED_WORDS (comma- or 、-separated); these few stand in when it is unset.
 */
export const DEFAULT_BLOCKED_WORDS = ['傻逼', '操你', '去死', '赌博网站', '代开发票', '办证刻章', '枪支弹药'] as const;

/** "a, b、c" → ["a", "b", "c"]: blanks dropped. */
export function parseBlockedWords(text: string): string[] {
  return text
    .split(/[,，、\n]/)
    .map((word) => word.trim())
    .filter((word) => word.length > 0);
}

/** Spaces and common separators people put between characters to slip a word past a filter. */
const FILLER = /[\s\u3000·.。,，、_\-*|/\\]+/g;

/** sha256 of an image's bytes, as CONTENT_HELD_IMAGES lists them. */
export const imageHash = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** "<sha256>, <sha256>" → the hashes, lower-case; anything that is not 64 hex digits is refused by the caller's schema. */
export const parseHeldImages = (text: string): string[] => text.split(/[,\s]+/).map((h) => h.trim().toLowerCase()).filter((h) => h.length > 0);

/**
 * The trace ids this adapter gives a held image start with this: the local host's /dev/media-verdict and the tests
 * find the pending checks of one image by it and deliver WeChat's event for each.
 */
export const localTracePrefix = (hash: string): string => `local-${hash.slice(0, 16)}-`;

/** Images to hold: their hashes, and how to read an image's bytes from the address a check names. */
export interface HeldImages {
  hashes: readonly string[];
  read(url: string): Promise<Buffer | null>;
}

const normalized = (words: readonly string[]) => words.map((w) => w.replace(FILLER, '').toLowerCase()).filter((w) => w.length > 0);

export class WordListContentSecurity implements ContentSecurity {
  private readonly words: string[];
  private readonly reviewWords: string[];
  private readonly held: HeldImages | null;

  /**
   * `reviewWords` leave a text for review, as msgSecCheck does when unsure (CONTENT_REVIEW_WORDS; none by default);
   * `held` images are held for review (CONTENT_HELD_IMAGES).
   */
  constructor(words: readonly string[] = DEFAULT_BLOCKED_WORDS, options: { held?: HeldImages; reviewWords?: readonly string[] } = {}) {
    this.words = normalized(words);
    this.reviewWords = normalized(options.reviewWords ?? []);
    this.held = options.held ?? null;
  }

  async checkText(check: TextCheck): Promise<ContentVerdict> {
    const plain = check.text.replace(FILLER, '').toLowerCase();
    if (this.words.some((word) => plain.includes(word))) return 'reject';
    return this.reviewWords.some((word) => plain.includes(word)) ? 'review' : 'pass';
  }

  /**
   * A word list cannot see pixels: images pass at once, except those whose bytes hash to a configured one
   * (CONTENT_HELD_IMAGES). Those are `review` under a fresh trace id, and their verdict comes later through the
   * same receiver as WeChat's, so one machine and the tests walk the asynchronous path deterministically.
   */
  async checkImage(check: ImageCheck): Promise<ImageVerdict> {
    if (!this.held || this.held.hashes.length === 0) return { verdict: 'pass' };
    const bytes = await this.held.read(check.url);
    const hash = bytes ? imageHash(bytes) : null;
    if (!hash || !this.held.hashes.includes(hash)) return { verdict: 'pass' };
    return { verdict: 'review', traceId: `${localTracePrefix(hash)}${randomBytes(6).toString('hex')}` };
  }
}
