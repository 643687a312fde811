import { z } from 'zod';
import { COMPLAINT_CATEGORIES, COMPLAINT_ESCALATIONS, COMPLAINT_VERDICTS, RECTIFICATION_STATES } from '../domain/evaluation/complaints';
import { publicEntryView } from './creationlog-views';
import { APPEAL_GROUNDS, EVALUATION_CHANNELS, EVALUATION_SOURCES, HANDLING_RATINGS, REPLY_KINDS, REVIEW_OUTCOMES } from '../domain/evaluation/rules';

/** Evaluations at one level. */
export const ratingCountView = z.object({ rating: z.number().int(), label: z.string(), count: z.number().int() });

/**
 * A collective's figures, from its counters: the satisfaction rate over counted (WeChat) evaluations,
 * counts per level, and browser evaluations (网页评价) apart.
 */
export const evaluationSummaryView = z.object({
  /** A fraction in [0, 1]; null before the first counted evaluation. */
  satisfactionRate: z.number().nullable(),
  /** WeChat evaluations: the denominator of the rate. */
  counted: z.number().int(),
  /** WeChat evaluations per level, 非常满意 first. */
  levels: z.array(ratingCountView),
  /** 差评 (不满意 + 非常不满意) among the counted. */
  negative: z.number().int(),
  /** 差评 follow-up: cases opened (withdrawn ones left out) and those answered within their working days. */
  followUp: z.object({ cases: z.number().int(), answeredOnTime: z.number().int() }),
  /** 网页评价: evaluations given in a browser, shown apart and not counted. */
  web: z.object({ count: z.number().int(), levels: z.array(ratingCountView) }),
  /** 监督查评: supervisors' reports the managing unit forwarded, shown apart and not counted. */
  supervision: z.object({ count: z.number().int(), levels: z.array(ratingCountView) }),
  /** How the rate is computed, in one line. */
  rule: z.string(),
});
export type EvaluationSummaryView = z.infer<typeof evaluationSummaryView>;

/**
 * One evaluation as the public and the collective see it: never who gave it. `comment` only once it passed
 * content security (null otherwise, or when there is none).
 */
export const evaluationView = z.object({
  id: z.string(),
  rating: z.number().int(),
  ratingLabel: z.string(),
  tags: z.array(z.string()),
  comment: z.string().nullable(),
  /** Photos that passed content security, shown with the comment (none while it is not shown). */
  photos: z.array(z.string()).default([]),
  channel: z.enum(EVALUATION_CHANNELS),
  source: z.enum(EVALUATION_SOURCES),
  /** A later 综合点评 of the same month replaced it (已修改). */
  changed: z.boolean(),
  /** Folded after an upheld appeal (不计入), with the reason: kept, not counted. */
  excluded: z.object({ reason: z.string() }).nullable(),
  at: z.string(),
});
export type EvaluationView = z.infer<typeof evaluationView>;

/** The collective's answer to a 差评: 整改 or 说明. */
export const caseReplyView = z.object({
  kind: z.enum(REPLY_KINDS),
  kindLabel: z.string(),
  text: z.string(),
  at: z.string(),
  /** How the evaluator rated this handling (once), if they did. */
  handling: z.object({ rating: z.enum(HANDLING_RATINGS), label: z.string() }).nullable(),
});

/** The evaluator's own: their comment whatever its state, and what happens to it. */
export const myEvaluationView = evaluationView.extend({
  /** The collective's answer to this 差评, once given. */
  reply: caseReplyView.nullable(),
  collective: z.object({ code: z.string(), name: z.string() }),
  commentState: z.enum(['shown', 'review', 'hidden', 'none']),
  /** Every photo the evaluator added and its check: shown, 审核中, or removed (未通过审核). */
  myPhotos: z.array(z.object({ url: z.string(), state: z.enum(['shown', 'review', 'removed']) })).default([]),
  /** Held for the managing unit's review (a rater WeChat ranks risky): not counted, not shown. */
  held: z.boolean(),
  eventTitle: z.string().nullable(),
  /** 综合点评: the China-time month it counts for ("2018-11"). */
  month: z.string().nullable(),
});
export type MyEvaluationView = z.infer<typeof myEvaluationView>;

/** The 创建标识: shown only for a collective whose filing was approved (创建集体). */
export const creationMarkView = z.object({
  campaignName: z.string(),
  term: z.string(),
  levelLabel: z.string(),
  statusLabel: z.string(),
});

export const publicCollectiveView = z.object({
  /** The short public code that addresses the page (QR codes, links). */
  code: z.string(),
  name: z.string(),
  /** 曾用名称, oldest first. */
  formerNames: z.array(z.string()),
  unit: z.object({ id: z.string(), name: z.string() }),
  channel: z.object({ id: z.string(), name: z.string(), kind: z.enum(['industry', 'region']) }).nullable(),
  /** The id its open-week events carry (openweek.collectivePage). */
  eventsCollectiveId: z.string(),
});

/** 三亮: who the collective is, what it promises, where to complain, and what the public thinks of it. */
export const publicPageView = z.object({
  collective: publicCollectiveView,
  mark: creationMarkView.nullable(),
  commitment: z.string().nullable(),
  address: z.string().nullable(),
  serviceHours: z.string().nullable(),
  /** The managing unit's published complaint phone and e-mail (the nearest unit above that published one). */
  complaint: z.object({ unitName: z.string(), phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
  acceptsEvaluations: z.boolean(),
  summary: evaluationSummaryView,
  /** The first page of public comments, newest first. */
  comments: z.object({ items: z.array(evaluationView), nextCursor: z.string().nullable() }),
  /** The first page of the collective's public creation-log entries, newest first. */
  entries: z.object({ items: z.array(publicEntryView), nextCursor: z.string().nullable() }),
});
export type PublicPageView = z.infer<typeof publicPageView>;

/** What the evaluation form needs: whom, which channel, the aspect tags, and the caller's evaluation already given. */
export const evaluationFormView = z.object({
  collective: z.object({ code: z.string(), name: z.string() }),
  channel: z.enum(EVALUATION_CHANNELS),
  eventTitle: z.string().nullable(),
  tags: z.array(z.string()),
  /** 一次一评: the evaluation of this signup; 综合点评: this month's, which a new one replaces. */
  existing: myEvaluationView.nullable(),
});

/** The collective's own editor of its public page. */
export const ownPublicPageView = z.object({
  code: z.string(),
  commitment: z.string().nullable(),
  address: z.string().nullable(),
  serviceHours: z.string().nullable(),
  version: z.number().int(),
});

/** A 差评 the collective must follow up: the evaluation (no evaluator), its deadline, and the answer once given. */
export const caseView = z.object({
  id: z.string(),
  evaluation: evaluationView,
  status: z.enum(['open', 'answered']),
  openedAt: z.string(),
  /** The first instant that is late (00:00 China time after the last working day allowed). */
  dueAt: z.string(),
  overdue: z.boolean(),
  reply: caseReplyView.nullable(),
});
export type CaseView = z.infer<typeof caseView>;

/** A case in the managing unit's queue: whose, why it came (逾期未答复 / 处理结果不满意) and when. */
export const escalatedCaseView = caseView.extend({
  collective: z.object({ code: z.string(), name: z.string() }),
  escalation: z.enum(['overdue', 'dissatisfied']),
  escalationLabel: z.string(),
  escalatedAt: z.string(),
});

/** An appeal (申诉) as the collective and the deciding admins see it. */
export const appealView = z.object({
  id: z.string(),
  evaluation: evaluationView,
  collective: z.object({ code: z.string(), name: z.string() }),
  ground: z.enum(APPEAL_GROUNDS),
  groundLabel: z.string(),
  reasons: z.string(),
  status: z.enum(['pending', 'upheld', 'rejected']),
  decision: z.object({ byName: z.string(), comment: z.string(), at: z.string() }).nullable(),
  createdAt: z.string(),
});
export type AppealView = z.infer<typeof appealView>;

/** The managing unit's answer to a complaint, and for an upheld one the rectification asked for and recorded. */
export const complaintResponseView = z.object({
  verdict: z.enum(COMPLAINT_VERDICTS),
  verdictLabel: z.string(),
  text: z.string(),
  at: z.string(),
  rectificationRequest: z.string().nullable(),
  rectification: z.object({ text: z.string(), at: z.string() }).nullable(),
});

/** A complaint as its writer sees it (我的投诉): never the contact phone, which only the unit's admins read. */
export const myComplaintView = z.object({
  id: z.string(),
  collective: z.object({ code: z.string(), name: z.string() }),
  category: z.enum(COMPLAINT_CATEGORIES),
  categoryLabel: z.string(),
  text: z.string(),
  createdAt: z.string(),
  status: z.enum(['pending', 'responded']),
  response: complaintResponseView.nullable(),
});

/** The collective's own account of its rectification, and the managing unit's confirmation or return. */
export const collectiveRectificationView = z.object({
  text: z.string(),
  at: z.string(),
  state: z.enum(RECTIFICATION_STATES),
  stateLabel: z.string(),
  review: z.object({ comment: z.string().nullable(), byName: z.string(), at: z.string() }).nullable(),
});

/** An upheld complaint as the collective asked to rectify sees it: the unit's response and request, not the complaint's text or writer. */
export const collectiveComplaintView = z.object({
  id: z.string(),
  category: z.enum(COMPLAINT_CATEGORIES),
  categoryLabel: z.string(),
  createdAt: z.string(),
  response: complaintResponseView,
  collectiveRectification: collectiveRectificationView.nullable(),
});
export type CollectiveComplaintView = z.infer<typeof collectiveComplaintView>;

/** A complaint in the managing unit's queue: with the contact phone, never who filed it. */
export const unitComplaintView = myComplaintView.extend({
  phone: z.string().nullable(),
  unitName: z.string(),
  /** The first instant that is late for the unit's response. */
  dueAt: z.string(),
  overdue: z.boolean(),
  respondedOnTime: z.boolean().nullable(),
  /** Chased by the escalation job (the unit told), then sent to the level-1 unit; '' label while neither. */
  escalation: z.enum(COMPLAINT_ESCALATIONS),
  escalationLabel: z.string(),
  collectiveRectification: collectiveRectificationView.nullable(),
});
export type MyComplaintView = z.infer<typeof myComplaintView>;
export type UnitComplaintView = z.infer<typeof unitComplaintView>;

/** What the QR poster shows: the mark (创建集体 only), the name, the 公开承诺, and how to draw its QR. */
export const posterView = z.object({
  code: z.string(),
  name: z.string(),
  mark: creationMarkView.nullable(),
  commitment: z.string().nullable(),
  /** The mini-program code's file id (CloudBase); null on the local host, where the client draws a QR of the H5 page. */
  miniProgramCode: z.string().nullable(),
  /** The 三亮 page in H5 (PUBLIC_URL): what the QR encodes where there is no mini-program code. */
  pageUrl: z.string(),
});

/**
 * A held evaluation, a comment under content review or photos no check will decide, as its managing unit's
 * admins decide it: the comment whatever its state and those photos (they judge them), never who wrote it.
 */
export const evaluationReviewView = z.object({
  id: z.string(),
  evaluation: evaluationView,
  collective: z.object({ code: z.string(), name: z.string() }),
  unitName: z.string(),
  /**
   * Why it is here: a rater WeChat ranks risky (held), a comment content security left for review, and/or photos
   * that could not be sent for checking (no verdict will come for them).
   */
  held: z.boolean(),
  commentInReview: z.boolean(),
  photosInReview: z.boolean(),
  /** The photos this decision shows (计入) or removes (不计入); those WeChat is still checking are not among them. */
  reviewPhotos: z.array(z.string()),
  status: z.enum(['pending', 'decided', 'withdrawn']),
  decision: z.object({ outcome: z.enum(REVIEW_OUTCOMES), outcomeLabel: z.string(), reason: z.string().nullable(), byName: z.string(), at: z.string() }).nullable(),
  createdAt: z.string(),
});
export type EvaluationReviewView = z.infer<typeof evaluationReviewView>;

/** One unit's subtree in the admins' 社会评价统计 (issue #12), in one campaign. */
export const unitStatisticsRowView = z.object({
  unitId: z.string(),
  unitName: z.string(),
  level: z.number(),
  /** Counted WeChat evaluations (held and folded ones are not). */
  counted: z.number(),
  /** 网页评价, shown apart, not in the rate. */
  web: z.number(),
  satisfactionRate: z.number().nullable(),
  /** 差评 follow-up cases still unanswered, and of those the ones past their deadline. */
  casesOpen: z.number(),
  casesOverdue: z.number(),
  complaintsFiled: z.number(),
  complaintsUpheld: z.number(),
  appealsFiled: z.number(),
  appealsUpheld: z.number(),
});
export type UnitStatisticsRowView = z.infer<typeof unitStatisticsRowView>;

export const unitStatisticsView = z.object({
  campaign: z.object({ id: z.string(), name: z.string() }),
  /** The viewed unit's own figures (its whole subtree). */
  total: unitStatisticsRowView,
  /** One row per unit directly under it, each for its subtree. */
  rows: z.array(unitStatisticsRowView),
  /** The parent of the viewed unit, when the caller may go up to it. */
  parentUnitId: z.string().nullable(),
  /** The viewed subtree's last 12 China-time months, oldest first: counted WeChat evaluations and their rate. */
  trend: z.array(z.object({ month: z.string(), counted: z.number(), satisfactionRate: z.number().nullable() })),
  rule: z.string(),
});
export type UnitStatisticsView = z.infer<typeof unitStatisticsView>;
