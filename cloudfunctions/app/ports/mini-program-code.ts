/**
 * Mini-program codes (小程序码) for the QR poster: on CloudBase WeChat's `wxacode.getUnlimited`, an image
 * that opens `page` with `scene` when scanned. The local host has none (its dependency is absent) and the
 * client draws a QR of the H5 page instead.
 */
export interface MiniProgramCodeRequest {
  /** At most 32 visible characters: the collective's public code (shared/domain/evaluation/poster.ts). */
  scene: string;
  /** The page path without a leading slash or query. */
  page: string;
}

export interface MiniProgramCodes {
  /** The code's PNG bytes, or null when WeChat gave none (the poster then shows the H5 QR). */
  codeFor(request: MiniProgramCodeRequest): Promise<Buffer | null>;
}
