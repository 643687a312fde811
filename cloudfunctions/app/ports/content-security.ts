/**
 * Content security: what members of the public write (and, later, the photos they upload) is checked
 * before anyone else sees it. On CloudBase this is WeChat's 内容安全 (msgSecCheck v2, mediaCheckAsync);
 * on one machine a configurable word list, so tests are deterministic.
 */

/** pass: show it; review: store it but show it to nobody else until it passes; reject: refuse it. */
export type ContentVerdict = 'pass' | 'review' | 'reject';

/** What the text is (WeChat's scenes: 1 资料, 2 评论, 3 论坛, 4 社交日志). */
export type ContentScene = 'profile' | 'comment';

export interface TextCheck {
  text: string;
  scene: ContentScene;
  /** The writer's OPENID in the mini-program (msgSecCheck v2 weighs the user too); absent for H5 visitors and accounts. */
  openid?: string;
}

export interface ImageCheck {
  /** Where the checker can fetch the image (a temporary URL of cloud storage). */
  url: string;
  scene: ContentScene;
  openid?: string;
}

/**
 * An image's verdict now. `review` with a `traceId`: the verdict arrives later as a platform event naming that
 * reference (WeChat's `wxa_media_check` push, media-verdicts/receive.ts), and the caller records what the image is
 * about under it (common/media-checks.ts). `review` without one: nothing will arrive (no OPENID to check with, or
 * the checker could not be reached), so the image stays held: an evaluation's photo waits for its managing unit's review.
 */
export interface ImageVerdict {
  verdict: ContentVerdict;
  traceId?: string;
}

/** What a later verdict says (WeChat's `result.suggest`): risky removes the image from what shows. */
export type MediaSuggest = 'pass' | 'review' | 'risky';

export interface ContentSecurity {
  checkText(check: TextCheck): Promise<ContentVerdict>;
  /**
   * Images are checked asynchronously by WeChat (mediaCheckAsync): `review` with its trace id until the verdict
   * arrives; the word-list adapter passes them at once, unless the image is one configured to be held.
   */
  checkImage(check: ImageCheck): Promise<ImageVerdict>;
}
