import { chinaMidnight, windowState, type FilingWindow, type WindowState } from '../filing/window';

/**
 * Quota progress (issue #14). Both notices set the number of collectives a unit should bring into the
 * campaign as a multiple of its selection base: 10 × 基数 nationally (青文字〔2017〕1号), 1.5 × 名额 for
 * county titles in Yueyang. The campaign keeps the multiple; a quota table that states a unit's
 * 应完成网络创建数 itself wins (公安: 基数 100, 应完成 100).
 */
export const DEFAULT_TARGET_MULTIPLIER = 10;

export interface QuotaFigures {
  places: number | null;
  base: number | null;
  requiredFilings: number | null;
}

/** The base a target multiplies: the table's 基数, or its 名额 where it gives only places (Yueyang). */
export const quotaBase = (q: QuotaFigures): number | null => q.base ?? q.places;

export interface Target {
  target: number | null;
  /** `table`: the quota table states it; `multiplier`: base × the campaign's multiple; null: no quota. */
  source: 'table' | 'multiplier' | null;
}

/** "At least 1.5 times 5" is 8 collectives: whole collectives, rounded up, without float noise (10 × 1.1 is 11). */
export function quotaTarget(q: QuotaFigures | null, multiplier: number): Target {
  if (q?.requiredFilings != null) return { target: q.requiredFilings, source: 'table' };
  const base = q ? quotaBase(q) : null;
  if (base == null) return { target: null, source: null };
  return { target: Math.ceil(Math.round(base * multiplier * 1e6) / 1e6), source: 'multiplier' };
}

/** Part of a whole, 0–1 (above 1 past a target); null when there is no whole to compare with. */
export const share = (part: number, whole: number | null): number | null => (whole ? part / whole : null);

export interface Countdown {
  state: WindowState;
  /** Whole seconds until the window opens (notYetOpen) or closes (open), rounded up; 0 once closed. */
  seconds: number;
  days: number;
  hours: number;
  minutes: number;
  secondsPart: number;
}

/**
 * Time left in the filing window, China time: the close is 00:00 of `closesBefore`, so at 23:59:59.5 of
 * the last day one second is left, and at midnight the window is closed.
 */
export function filingCountdown(window: FilingWindow, at: Date): Countdown {
  const state = windowState(window, at);
  const until = state === 'notYetOpen' ? chinaMidnight(window.opens) : chinaMidnight(window.closesBefore);
  const seconds = state === 'closed' ? 0 : Math.ceil((until.getTime() - at.getTime()) / 1000);
  return {
    state,
    seconds,
    days: Math.floor(seconds / 86_400),
    hours: Math.floor((seconds % 86_400) / 3600),
    minutes: Math.floor((seconds % 3600) / 60),
    secondsPart: seconds % 60,
  };
}

/** "距报备截止还有 3 天 4 小时 5 分 6 秒", leading zero units left out. */
export function countdownText(c: Countdown): string {
  if (c.state === 'closed') return '报备已截止';
  const parts: Array<[number, string]> = [[c.days, '天'], [c.hours, '小时'], [c.minutes, '分'], [c.secondsPart, '秒']];
  const first = parts.findIndex(([n]) => n > 0);
  const left = parts.slice(first).map(([n, unit]) => `${n} ${unit}`).join(' ');
  return c.state === 'notYetOpen' ? `距报备开始还有 ${left}` : `距报备截止还有 ${left}`;
}
