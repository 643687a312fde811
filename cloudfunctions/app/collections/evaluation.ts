import type { AppealGround, EvaluationChannel, EvaluationSource, HandlingRating, Rating, ReplyKind, ReviewOutcome } from '../../../shared/domain/evaluation/rules';
import type { ComplaintCategory, ComplaintEscalation, ComplaintVerdict, RectificationState } from '../../../shared/domain/evaluation/complaints';
import type { IndexSpec } from './index-spec';

/** Collections of public evaluation and the 三亮 page (issue #12), with the indexes their queries need. */
export const EVALUATION_COLLECTIONS = {
  /**
   * A collective's public page (id = the collective's id), found by its short public code — what a QR
   * code or a shared link carries — through the unique index; the 考评 counts a subtree's pages of active
   * collectives, complete or not (active, complete, unitPath).
   */
  publicPages: [{ fields: ['code'], unique: true }, { fields: ['active', 'complete', 'unitPath'] }],
  /**
   * The public's comments on a collective newest first (collectiveId, commentShown, updatedAt); the
   * collective's own list, held ones left out (collectiveId, held, updatedAt); a visitor's own (visitorId, updatedAt).
   */
  evaluations: [
    { fields: ['collectiveId', 'commentShown', 'updatedAt'] },
    { fields: ['collectiveId', 'held', 'updatedAt'] },
    { fields: ['visitorId', 'updatedAt'] },
  ],
  /**
   * One document per evaluation a person may give (a signup; a person, collective and month), keyed by a
   * hash of that: a transaction finds it without a query, and its id makes a second one impossible.
   */
  evaluationSlots: [],
  /** Per collective (id = the collective's id), evaluations per level and source, kept with each write. */
  evaluationCounts: [],
  /** A managing unit's published complaint phone and e-mail (id = the unit's id). */
  complaintChannels: [],
  /**
   * One follow-up case per counted 差评 (id = the evaluation's id, found inside its transaction): the
   * collective's open ones by deadline (collectiveId, status, dueAt); the escalation job's overdue ones
   * (status, escalated, dueAt); escalated ones for the office (escalated, escalatedAt) and for a level-k
   * admin's subtree as an equality on the ancestor at that level (unitLk, escalated, escalatedAt).
   */
  evaluationCases: [
    { fields: ['collectiveId', 'status', 'dueAt'] },
    { fields: ['status', 'escalated', 'dueAt'] },
    { fields: ['escalated', 'escalatedAt'] },
    { fields: ['unitL1', 'escalated', 'escalatedAt'] },
    { fields: ['unitL2', 'escalated', 'escalatedAt'] },
    { fields: ['unitL3', 'escalated', 'escalatedAt'] },
    { fields: ['unitL1', 'campaignId', 'status', 'dueAt'] },
    { fields: ['unitL1', 'campaignId', 'answeredOnTime'] },
    { fields: ['unitL1', 'campaignId', 'escalated'] },
    // The admins' statistics count a level-2 or level-3 subtree's open and overdue cases too.
    { fields: ['unitL2', 'campaignId', 'status', 'dueAt'] },
    { fields: ['unitL3', 'campaignId', 'status', 'dueAt'] },
  ],
  /**
   * One appeal (申诉) per evaluation (id = the evaluation's id): decided by the collective's level-1 admin
   * (unitL1, status, createdAt) or the office (status, createdAt); the collective's own (collectiveId, status, createdAt).
   */
  evaluationAppeals: [
    { fields: ['unitL1', 'status', 'createdAt'] },
    { fields: ['status', 'createdAt'] },
    { fields: ['collectiveId', 'status', 'createdAt'] },
  ],
  /** A campaign's aspect tags (id = the campaign's id); absent: the default list. */
  evaluationSettings: [],
  /**
   * 投诉 from the 三亮 page: the writer's own (visitorId, createdAt); the managing units' queue for the office
   * (status, createdAt) and for a level-k admin's subtree (unitLk, status, createdAt); the 考评's counts per
   * level-1 unit and campaign (unitL1, campaignId, verdict) and (unitL1, campaignId, respondedOnTime).
   */
  complaints: [
    { fields: ['visitorId', 'createdAt'] },
    { fields: ['status', 'createdAt'] },
    { fields: ['unitL1', 'status', 'createdAt'] },
    { fields: ['unitL2', 'status', 'createdAt'] },
    { fields: ['unitL3', 'status', 'createdAt'] },
    { fields: ['unitL1', 'campaignId', 'verdict'] },
    { fields: ['unitL1', 'campaignId', 'respondedOnTime'] },
    // The same counts for a level-2 or level-3 subtree, for the admins' statistics.
    { fields: ['unitL2', 'campaignId', 'verdict'] },
    { fields: ['unitL2', 'campaignId', 'respondedOnTime'] },
    { fields: ['unitL3', 'campaignId', 'verdict'] },
    { fields: ['unitL3', 'campaignId', 'respondedOnTime'] },
    // The escalation job's overdue ones, to chase (status, escalation, dueAt) and then to escalate (status, escalation, escalateAt).
    { fields: ['status', 'escalation', 'dueAt'] },
    { fields: ['status', 'escalation', 'escalateAt'] },
    // The collective's upheld complaints that ask it to put something right, newest first.
    { fields: ['collectiveId', 'rectificationRequested', 'createdAt'] },
  ],
  /**
   * One review per evaluation held for its managing unit (id = the evaluation's id): a high-risk rater's,
   * one whose comment is under content review, or one with a photo that could not be sent for checking. The office's queue (status, createdAt); a level-k admin's
   * subtree as an equality on the ancestor at that level (unitLk, status, createdAt).
   */
  evaluationReviews: [
    { fields: ['status', 'createdAt'] },
    { fields: ['unitL1', 'status', 'createdAt'] },
    { fields: ['unitL2', 'status', 'createdAt'] },
    { fields: ['unitL3', 'status', 'createdAt'] },
  ],
  /**
   * Per unit and campaign, counted evaluations per source, level and China-time month (and appeals) in its
   * subtree, in shards summed on read (common/filing-counts.ts `addToShards`; features/evaluation/unit-counts.ts).
   */
  evaluationUnitCounts: [{ fields: ['campaignId', 'unitId'] }],
} satisfies Record<string, IndexSpec[]>;

/** shown: passed content security, shown with the comment; review: waiting for its verdict; removed: risky, never shown. */
export type PhotoState = 'shown' | 'review' | 'removed';

export interface EvaluationPhoto {
  url: string;
  state: PhotoState;
  /** While `review`: the trace id its verdict will carry (absent when none will come: the managing unit decides it). */
  traceId?: string;
}

export interface PublicPageDoc {
  /** The collective's id. */
  id: string;
  /** 10 lower-case letters and digits: short enough for a mini-program code's scene, unlike any account code. */
  code: string;
  /** 公开承诺, as the collective wrote it. */
  commitment: string | null;
  address: string | null;
  serviceHours: string | null;
  /** The collective's unit path and whether it is active, kept with the collective's moves and ends. */
  unitPath: string;
  active: boolean;
  /** Commitment, address and service hours all filled (pageComplete). */
  complete: boolean;
  /** The file id of its mini-program code for the QR poster, made once on CloudBase and reused; absent until then. */
  miniProgramCode?: string;
  updatedAt: string;
  version: number;
}

/**
 * Shown, under review (stored, shown to nobody but its writer), kept off the page by the managing unit's
 * review (hidden), or no comment at all.
 */
export type CommentState = 'shown' | 'review' | 'hidden' | 'none';

export interface EvaluationDoc {
  /** Random: nothing about the evaluator can be read from it. */
  id: string;
  collectiveId: string;
  /** The collective's unit path when given: admins will read their subtree. */
  unitPath: string;
  campaignId: string | null;
  channel: EvaluationChannel;
  source: EvaluationSource;
  /** `wx:<OPENID>` or `h5:<id>`: the real identity, kept in the back end only. Never leaves the server. */
  visitorId: string;
  /** 一次一评: the checked-in signup and its event. */
  signupId: string | null;
  eventId: string | null;
  /** 综合点评: the China-time month it counts for ("2018-11"). */
  month: string | null;
  rating: Rating;
  tags: string[];
  comment: string | null;
  commentState: CommentState;
  /**
   * A rater WeChat ranks risky (HOLD_AT_RISK_RANK): held for the managing unit's review, neither counted
   * nor shown to the public or the collective.
   */
  held: boolean;
  /**
   * Folded after an upheld appeal (不计入): kept, marked with the reason, neither counted nor shown to the
   * public (absent on evaluations from before appeals: not folded).
   */
  excluded?: { reason: string; at: string } | null;
  /** Up to 3 photos with their content-security state (absent on evaluations from before photos). */
  photos?: EvaluationPhoto[];
  /**
   * Whether the public list shows it: not held, and its comment passed (or it has none and a photo passed);
   * as its own field so one index serves the public list (features/evaluation/photos.ts `shownOnPage`).
   */
  commentShown: boolean;
  /**
   * In its units' counters (evaluationUnitCounts): set on every evaluation written since, and by the data
   * upgrade that counts older ones once; the counters move with it only while it is set.
   */
  unitCounted?: boolean;
  /** When a second 综合点评 in the same month replaced this one's content (shown as 已修改). */
  changedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EvaluationSlotDoc {
  /** sha256 of `signup:<signupId>` or `month:<collectiveId>:<visitorId>:<month>`. */
  id: string;
  evaluationId: string;
}

/**
 * Counted per source and level: `wechat5` … `wechat1`, `h55` … `h51` (flat keys: one atomic inc each); and
 * the 差评 follow-up: cases opened (withdrawn ones leave) and answered in time.
 */
export type EvaluationCountsDoc = { id: string; cases: number; answeredOnTime: number } & { [K in `${EvaluationSource}${Rating}`]: number };

export interface ComplaintChannelDoc {
  /** The unit's id. */
  id: string;
  phone: string | null;
  email: string | null;
  updatedAt: string;
}

export interface EvaluationSettingsDoc {
  /** The campaign's id. */
  id: string;
  /** Absent: the default list. */
  aspectTags?: string[];
  /** The working days a new 差评 case or complaint is due in; absent: FOLLOW_UP_WORKING_DAYS. */
  followUpDays?: number;
  updatedAt: string;
}

/** open: awaiting the collective's answer; answered; withdrawn: its evaluation was replaced by one that is no 差评. */
export type CaseStatus = 'open' | 'answered' | 'withdrawn';

/** Why a case went to the managing unit: not answered in time, or the evaluator found the handling 不满意. */
export type EscalationReason = 'overdue' | 'dissatisfied';

export interface EvaluationCaseDoc {
  /** The evaluation's id. */
  id: string;
  collectiveId: string;
  unitPath: string;
  /** The collective's unit's ancestor at each admin level ('' where shallower). */
  unitL1: string;
  unitL2: string;
  unitL3: string;
  /** The evaluation's campaign (null when its collective had no filing), so a 考评 round counts its own term's cases. */
  campaignId: string | null;
  /** Set with the answer: whether it came before the deadline (absent while unanswered). */
  answeredOnTime?: boolean;
  /** Sent to the managing unit's admins (their queue), once. */
  escalated: boolean;
  escalatedAt: string | null;
  escalation: EscalationReason | null;
  status: CaseStatus;
  openedAt: string;
  /** The first instant that is late: 00:00 China time after the last working day allowed. */
  dueAt: string;
  reply: { kind: ReplyKind; text: string; at: string } | null;
  /** The evaluator's rating of the handling, once, after the answer (absent until then). */
  handlingRating?: HandlingRating | null;
  updatedAt: string;
  version: number;
}

export type AppealStatus = 'pending' | 'upheld' | 'rejected';

export interface EvaluationAppealDoc {
  /** The evaluation's id: one appeal per evaluation. */
  id: string;
  collectiveId: string;
  unitPath: string;
  /** The level-1 unit whose admin decides. */
  unitL1: string;
  ground: AppealGround;
  reasons: string;
  status: AppealStatus;
  decision: { by: string; byName: string; comment: string; at: string } | null;
  createdAt: string;
  version: number;
}

/** A complaint about a collective, handled by its managing unit. */
export interface ComplaintDoc {
  /** Random: nothing about the writer can be read from it. */
  id: string;
  collectiveId: string;
  /** The collective's unit path when filed, and its ancestors per level ('' when none): admins read their subtree. */
  unitPath: string;
  unitL1: string;
  unitL2: string;
  unitL3: string;
  campaignId: string | null;
  /** `wx:<OPENID>` or `h5:<id>`: kept in the back end only. */
  visitorId: string;
  category: ComplaintCategory;
  text: string;
  /** The writer's contact phone: shown to the managing unit's admins only. */
  phone: string | null;
  status: 'pending' | 'responded';
  /** The first late instant for the unit's response (the 差评 follow-up's working days). */
  dueAt: string;
  verdict: ComplaintVerdict | null;
  respondedOnTime: boolean | null;
  response: { text: string; at: string; rectificationRequest: string | null; rectification: { text: string; at: string } | null } | null;
  /** Where the escalation job has it (absent on complaints from before the job: the data upgrade sets 'none'). */
  escalation?: ComplaintEscalation;
  /** Set when chased: the instant it goes to the level-1 unit if still unanswered. */
  escalateAt?: string | null;
  /** Upheld with a 整改要求: the collective's own list (absent on older complaints: the data upgrade sets it). */
  rectificationRequested?: boolean;
  /**
   * The collective's own account of its rectification and the managing unit's review of it; once confirmed
   * it is also the response's `rectification`.
   */
  collectiveRectification?: { text: string; at: string; state: RectificationState; review: { comment: string | null; byName: string; at: string } | null } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** pending: awaiting the managing unit; decided; withdrawn: its writer replaced the evaluation with one that needs none. */
export type EvaluationReviewStatus = 'pending' | 'decided' | 'withdrawn';

/** A held evaluation or a comment under content review, in its managing unit's queue. Nothing of its writer. */
export interface EvaluationReviewDoc {
  /** The evaluation's id. */
  id: string;
  collectiveId: string;
  unitPath: string;
  unitL1: string;
  unitL2: string;
  unitL3: string;
  /** What it awaits, as of its last (re)opening: a risky rater's evaluation to count, a comment to show. */
  held: boolean;
  commentInReview: boolean;
  /** A photo that could not be sent for checking (no verdict will come) waits for the unit's decision; absent in reviews stored before: false. */
  photosInReview?: boolean;
  status: EvaluationReviewStatus;
  decision: { outcome: ReviewOutcome; reason: string | null; by: string; byName: string; at: string } | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
