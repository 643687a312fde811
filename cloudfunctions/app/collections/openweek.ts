import type { EventStatus, EventType, SignupStatus } from '../../../shared/domain/openweek/event-rules';
import type { IndexSpec } from './index-spec';

/** Collections of open-week events and signups (issue #4), with the indexes their queries need. */
export const OPENWEEK_COLLECTIONS = {
  /**
   * Public listing and the reminder job (status, hidden, startAt), the collective's own, a collective's
   * public page (collectiveId, hidden, startAt: upcoming and held, ranges on startAt), an admin's subtree.
   */
  events: [
    { fields: ['status', 'hidden', 'startAt'] },
    { fields: ['collectiveId', 'createdAt'] },
    { fields: ['collectiveId', 'hidden', 'startAt'] },
    { fields: ['unitPath', 'createdAt'] },
  ],
  /**
   * One document per person per event: the unique (eventId, visitorId) index makes a second signup
   * impossible, while the id is random, so nothing a visitor can be tracked by leaves the server.
   * `checkInCode` is set on every document at creation, so it can be unique.
   */
  signups: [
    { fields: ['eventId', 'status', 'waitOrder'] },
    { fields: ['eventId', 'createdAt'] },
    { fields: ['eventId', 'visitorId'], unique: true },
    { fields: ['visitorId', 'eventStartAt'] },
    { fields: ['checkInCode'], unique: true },
  ],
} satisfies Record<string, IndexSpec[]>;

export interface EventDoc {
  id: string;
  /** The organizing collective's account. */
  collectiveId: string;
  collectiveName: string;
  /** The collective's unit and its path: admins see the events of their subtree. */
  unitId: string;
  unitPath: string;
  campaignId: string;
  type: EventType;
  title: string;
  description: string;
  coverUrl: string | null;
  startAt: string;
  endAt: string;
  address: string;
  lat: number | null;
  lng: number | null;
  capacity: number;
  signupOpensAt: string;
  signupClosesAt: string;
  requiresApproval: boolean;
  cancelHoursBefore: number;
  askPhone: boolean;
  extraQuestion: string | null;
  status: EventStatus;
  hidden: boolean;
  hiddenReason: string | null;
  /** Seats held by confirmed and pending signups; changed only by conditional atomic updates. */
  seatsTaken: number;
  /** People on the waitlist now. */
  waiting: number;
  /** The last waitlist order key handed out (monotonic per event). */
  waitSeq: number;
  checkedIn: number;
  summary: string | null;
  summaryPhotos: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface SignupDoc {
  /** Random (`newId`); files from before issue #8 held `${eventId}:${visitorId}` and are upgraded at start. */
  id: string;
  eventId: string;
  /** `wx:<OPENID>` in the mini-program, `h5:<id>` for a visitor token over HTTP. Never leaves the server. */
  visitorId: string;
  eventStartAt: string;
  status: SignupStatus;
  name: string;
  phone: string;
  answer: string | null;
  /** Waitlist order key; 0 when not waiting. */
  waitOrder: number;
  checkInCode: string;
  checkedInAt: string | null;
  remindedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
