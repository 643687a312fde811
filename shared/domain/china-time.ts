/** China keeps UTC+8 all year (no daylight saving): people read every moment the product shows in it. */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A Date whose UTC fields read China's wall clock at `at`, wherever the code runs. */
export const chinaWallClock = (at: Date | string): Date => new Date(new Date(at).getTime() + CHINA_OFFSET_MS);

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "5月4日 09:00" in China time: how messages and exports name a moment. */
export function chinaTime(at: Date | string): string {
  const d = chinaWallClock(at);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}
