import type { Rating } from '../../../shared/domain/evaluation/rules';
import type { ReportStatus, SupervisorStatus } from '../../../shared/domain/evaluation/supervision';
import type { CommentState } from './evaluation';
import type { IndexSpec } from './index-spec';

/** 监督查评 (issue #12): social supervisors, their invitations and their 明察暗访 reports. */
export const SUPERVISION_COLLECTIONS = {
  /**
   * Supervisors: the admins' list for the office (createdAt) and for a level-k admin as an equality on the
   * appointing unit's ancestor at that level (unitLk, createdAt); a visitor's own appointments (visitorId, status, createdAt).
   */
  supervisors: [
    { fields: ['createdAt'] },
    { fields: ['unitL1', 'createdAt'] },
    { fields: ['unitL2', 'createdAt'] },
    { fields: ['unitL3', 'createdAt'] },
    { fields: ['visitorId', 'status', 'createdAt'] },
  ],
  /** One per invitation code (id = sha256 of the code, which is never stored): found by a get inside the redemption's transaction. */
  supervisorInvitations: [],
  /**
   * 明察暗访 reports: the writer's own (visitorId, createdAt); the appointing units' queue for the office
   * (status, createdAt) and for a level-k admin (unitLk, status, createdAt).
   */
  supervisionReports: [
    { fields: ['visitorId', 'createdAt'] },
    { fields: ['status', 'createdAt'] },
    { fields: ['unitL1', 'status', 'createdAt'] },
    { fields: ['unitL2', 'status', 'createdAt'] },
    { fields: ['unitL3', 'status', 'createdAt'] },
  ],
} satisfies Record<string, IndexSpec[]>;

/** The appointing unit's path and its ancestor at each admin level ('' where shallower): admins read their subtree. */
interface UnitPlace {
  unitId: string;
  unitPath: string;
  unitL1: string;
  unitL2: string;
  unitL3: string;
}

export interface SupervisorDoc extends UnitPlace {
  /** Random: nothing about the person can be read from it. */
  id: string;
  /** The name the appointing admin typed: shown to the admins of the unit's chain only. */
  name: string;
  status: SupervisorStatus;
  /** `wx:<OPENID>` or `h5:<id>` of whoever redeemed the invitation (null until then). Never leaves the server. */
  visitorId: string | null;
  invitationId: string;
  invitationExpiresAt: string;
  appointedBy: string;
  redeemedAt: string | null;
  revokedAt: string | null;
  /** Reports filed and forwarded, kept with each report and decision. */
  reports: number;
  forwarded: number;
  createdAt: string;
  version: number;
}

export interface SupervisorInvitationDoc {
  /** sha256 (hex) of the code: a stolen database holds no usable code. */
  id: string;
  supervisorId: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface SupervisionReportDoc extends UnitPlace {
  id: string;
  supervisorId: string;
  /** The supervisor's visitor identity, for their own list; never leaves the server. */
  visitorId: string;
  collectiveId: string;
  /** The collective's unit path when filed. */
  collectiveUnitPath: string;
  campaignId: string | null;
  visitDate: string;
  rating: Rating;
  tags: string[];
  text: string;
  /** Content security's verdict on the text: shown, or under review (a rejected text is never stored). */
  textState: Exclude<CommentState, 'none'>;
  photos: string[];
  status: ReportStatus;
  decision: { by: string; note: string | null; reason: string | null; at: string } | null;
  /** The 监督查评 evaluation a forward made (id of an evaluations document). */
  evaluationId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}
