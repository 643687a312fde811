/**
 * The rules of public evaluation (社会评价, issue #12), after 政务服务好差评: five levels, the last two 差评;
 * the satisfaction rate counts WeChat evaluations only; a general evaluation (综合点评) is one per person
 * per collective per calendar month in China time.
 */

/** 5 = 非常满意 … 1 = 非常不满意. */
export const RATINGS = [5, 4, 3, 2, 1] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Record<Rating, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

/** 不满意 and 非常不满意 are 差评. */
export const isNegative = (rating: Rating): boolean => rating <= 2;

/** 一次一评 after an open-week check-in, 综合点评 from the public page, or 监督查评: a supervisor's report the managing unit forwarded. */
export const EVALUATION_CHANNELS = ['perService', 'general', 'supervision'] as const;
export type EvaluationChannel = (typeof EVALUATION_CHANNELS)[number];
export const CHANNEL_LABELS: Record<EvaluationChannel, string> = { perService: '一次一评', general: '综合点评', supervision: '监督查评' };

/**
 * Where the evaluator was: the mini-program (counted) or a browser (网页评价, shown apart); or a supervisor's
 * forwarded report (监督查评, shown apart too: an appointed few must not move the public's rate).
 */
export const EVALUATION_SOURCES = ['wechat', 'h5', 'supervisor'] as const;
export type EvaluationSource = (typeof EVALUATION_SOURCES)[number];

/** The aspects an evaluator may tag when a campaign sets none of its own. */
export const DEFAULT_ASPECT_TAGS = ['服务态度', '办事效率', '服务环境', '承诺兑现', '专业水平'] as const;

export const MAX_COMMENT_LENGTH = 500;

/**
 * A WeChat rater the platform ranks this risky (riskControl.getUserRiskRank: 0 none … 4 highest) has their
 * evaluation held for the managing unit's review: stored, not counted, not shown.
 */
export const HOLD_AT_RISK_RANK = 3;

/**
 * A 差评 (and a complaint) is followed up (回访, then 整改 or 说明) within this many working days (China time)
 * unless the office sets its campaign's own period, between these bounds.
 */
export const FOLLOW_UP_WORKING_DAYS = 5;
export const MIN_FOLLOW_UP_WORKING_DAYS = 1;
export const MAX_FOLLOW_UP_WORKING_DAYS = 30;

/** How the collective answers a 差评: 整改 (rectified) or 说明 (explained). */
export const REPLY_KINDS = ['rectification', 'explanation'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];
export const REPLY_KIND_LABELS: Record<ReplyKind, string> = { rectification: '整改', explanation: '说明' };

/** Grounds on which a collective appeals (申诉) an evaluation. */
export const APPEAL_GROUNDS = ['mistaken', 'malicious'] as const;
export type AppealGround = (typeof APPEAL_GROUNDS)[number];
export const APPEAL_GROUND_LABELS: Record<AppealGround, string> = { mistaken: '误评', malicious: '恶意评价' };

/** The evaluator rates the handling of their 差评 once, after the answer. */
export const HANDLING_RATINGS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type HandlingRating = (typeof HANDLING_RATINGS)[number];
export const HANDLING_RATING_LABELS: Record<HandlingRating, string> = { satisfied: '满意', basicallySatisfied: '基本满意', dissatisfied: '不满意' };
export const MAX_TAGS = 10;
/** Photos on one evaluation (issue #12: up to 3). */
export const MAX_EVALUATION_PHOTOS = 3;

/** Evaluations per level, 5 … 1. */
export type RatingCounts = Record<Rating, number>;

export const emptyCounts = (): RatingCounts => ({ 5: 0, 4: 0, 3: 0, 2: 0, 1: 0 });

export const totalOf = (counts: RatingCounts): number => RATINGS.reduce((sum, r) => sum + counts[r], 0);

/**
 * 满意率: (非常满意 + 满意 + 基本满意) ÷ all counted evaluations, as a fraction; null when none was counted
 * (no figure is better than a 0% nobody earned).
 */
export function satisfactionRate(counts: RatingCounts): number | null {
  const total = totalOf(counts);
  return total === 0 ? null : (counts[5] + counts[4] + counts[3]) / total;
}

/** How the rate is computed, in one line for the public page. */
export const RATE_RULE = '满意率 =（非常满意 + 满意 + 基本满意）÷ 微信评价总数；网页评价单独列出，不计入';

/** "87.5%"; one decimal, trailing .0 dropped; "暂无" without evaluations. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '暂无';
  const percent = Math.round(rate * 1000) / 10;
  return `${percent}%`;
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The calendar month in China time (UTC+8, no daylight saving) of an instant: "2018-11". */
export function chinaMonth(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

/**
 * The managing unit's review of a held evaluation or of a comment under content review: 计入 (counted; the
 * comment shown) or 不计入 (excluded, with a reason: the evaluation folded, or only the comment kept off the page).
 */
export const REVIEW_OUTCOMES = ['counted', 'excluded'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = { counted: '计入', excluded: '不计入' };
