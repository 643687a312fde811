import type { ContentSecurity, ContentVerdict, ImageCheck, TextCheck } from '../../app/ports/content-security';

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

const normalized = (words: readonly string[]) => words.map((w) => w.replace(FILLER, '').toLowerCase()).filter((w) => w.length > 0);

export class WordListContentSecurity implements ContentSecurity {
  private readonly words: string[];
  private readonly reviewWords: string[];

  /** `reviewWords` leave a text for review, as msgSecCheck does when unsure (CONTENT_REVIEW_WORDS; none by default). */
  constructor(words: readonly string[] = DEFAULT_BLOCKED_WORDS, reviewWords: readonly string[] = []) {
    this.words = normalized(words);
    this.reviewWords = normalized(reviewWords);
  }

  async checkText(check: TextCheck): Promise<ContentVerdict> {
    const plain = check.text.replace(FILLER, '').toLowerCase();
    if (this.words.some((word) => plain.includes(word))) return 'reject';
    return this.reviewWords.some((word) => plain.includes(word)) ? 'review' : 'pass';
  }

  async checkImage(_check: ImageCheck): Promise<ContentVerdict> {
    return 'pass';
  }
}
