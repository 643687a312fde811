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
  /** An event's seats split over a few documents (features/openweek/seat-shards.ts), read by event. */
  seatShards: [{ fields: ['eventId', 'index'] }],
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
  /**
   * How many seat shards hold its seats and waitlist counts (`${id}~0` … ); absent on events from before
   * issue #9 until they are upgraded (jobs/data-upgrades.ts).
   */
  seatShards: number;
  checkedIn: number;
  summary: string | null;
  summaryPhotos: string[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/**
 * One share of an event's seats. Seats taken and people joining the waitlist are counted on any one
 * shard, so a rush spreads its writes; see features/openweek/seat-shards.ts for the rules.
 */
export interface SeatShardDoc {
  /** `${eventId}~${index}`: found inside a transaction without a query. */
  id: string;
  eventId: string;
  index: number;
  /** This shard's share of the event's capacity; never below `taken`. */
  capacity: number;
  /** Seats held (confirmed, pending) counted here. */
  taken: number;
  /** People who joined the waitlist counted here (only grows). */
  joins: number;
  /** Only on shard 0: people who left the waitlist (promoted, cancelled; only grows). Waiting = Σ joins − left. */
  left: number;
  /** Somebody waits: the same on every shard, changed on all of them at once. */
  queue: boolean;
  updatedAt: string;
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
