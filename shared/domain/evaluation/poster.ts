/**
 * The QR poster's mini-program code: WeChat's `wxacode.getUnlimited` carries at most 32 visible characters
 * of `scene` to the page it opens, so the scene is the collective's public code alone (10 lower-case
 * letters and digits), never an account code (upper-case) or anything else about the collective.
 */

/** The weapp page a scanned code opens: the 三亮 page (no leading slash, no query: WeChat's rule). */
export const POSTER_PAGE = 'events/collective';

const SCENE_MAX = 32;
const PUBLIC_CODE = /^[a-z0-9]+$/;

/** The scene of a collective's mini-program code: its public code, refused if it could not be one. */
export function sceneOf(publicCode: string): string {
  if (!PUBLIC_CODE.test(publicCode) || publicCode.length > SCENE_MAX) throw new Error(`not a public code: ${publicCode}`);
  return publicCode;
}

/** The public code a scanned code's `scene` names (WeChat hands it to the page URL-encoded), or null. */
export function codeOfScene(scene: string | undefined): string | null {
  if (!scene) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    return null;
  }
  return PUBLIC_CODE.test(decoded) && decoded.length <= SCENE_MAX ? decoded : null;
}
