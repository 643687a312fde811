/**
 * Pure rules of open-week events (开放周): the status table, the signup window, the cancellation
 * deadline, the check-in window and the seat arithmetic. No I/O; times are UTC instants (ISO strings),
 * shown in China time (UTC+8, no DST) by the client.
 */

export const EVENT_TYPES = ['jobExperience', 'siteVisit', 'publicReview', 'culture', 'policy', 'publicService'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  jobExperience: '岗位体验',
  siteVisit: '实地观摩',
  publicReview: '公开评议',
  culture: '文化倡导',
  policy: '政策宣传',
  publicService: '公益服务',
};

export const EVENT_STATUSES = ['draft', 'published', 'cancelled', 'finished'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

interface StatusRule {
  label: string;
  /** Statuses this one may move to. */
  next: readonly EventStatus[];
  /** The collective may still edit the event's details. */
  editable: boolean;
  /** The public can see it (unless an admin hid it). */
  public: boolean;
  /** New signups and cancellations are possible (the windows still apply). */
  acceptsSignups: boolean;
}

/** The event status table: a forgotten state is a compile error. */
export const EVENT_STATUS_RULES: Record<EventStatus, StatusRule> = {
  draft: { label: '草稿', next: ['published'], editable: true, public: false, acceptsSignups: false },
  published: { label: '报名中', next: ['cancelled', 'finished'], editable: true, public: true, acceptsSignups: true },
  cancelled: { label: '已取消', next: [], editable: false, public: true, acceptsSignups: false },
  finished: { label: '已结束', next: [], editable: false, public: true, acceptsSignups: false },
};

export const canMove = (from: EventStatus, to: EventStatus): boolean => EVENT_STATUS_RULES[from].next.includes(to);

export const SIGNUP_STATUSES = ['pending', 'confirmed', 'waitlisted', 'cancelled', 'rejected'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

interface SignupRule {
  label: string;
  /** Holds one of the event's seats (counted in `seatsTaken`). */
  holdsSeat: boolean;
  /** The attendee may still cancel it (within the deadline). */
  cancellable: boolean;
  /** Still in play: a repeated signup returns it instead of a new one. */
  active: boolean;
}

export const SIGNUP_STATUS_RULES: Record<SignupStatus, SignupRule> = {
  pending: { label: '待审核', holdsSeat: true, cancellable: true, active: true },
  confirmed: { label: '报名成功', holdsSeat: true, cancellable: true, active: true },
  waitlisted: { label: '候补中', holdsSeat: false, cancellable: true, active: true },
  cancelled: { label: '已取消', holdsSeat: false, cancellable: false, active: false },
  rejected: { label: '未通过', holdsSeat: false, cancellable: false, active: false },
};

const ms = (iso: string): number => new Date(iso).getTime();
const HOUR = 3_600_000;

export interface SignupWindow {
  signupOpensAt: string;
  signupClosesAt: string;
}

/** Where the signup window stands: opens at `signupOpensAt` (inclusive), closes at `signupClosesAt` (exclusive). */
export function signupWindowPhase(event: SignupWindow, now: Date): 'notYetOpen' | 'open' | 'closed' {
  const t = now.getTime();
  if (t < ms(event.signupOpensAt)) return 'notYetOpen';
  if (t >= ms(event.signupClosesAt)) return 'closed';
  return 'open';
}

/**
 * Cancellation allowed until N hours before the start: at `startAt − N h` exactly it is already too late.
 * N = 0 means up to the start itself.
 */
export function cancellationDeadline(event: { startAt: string; cancelHoursBefore: number }): Date {
  return new Date(ms(event.startAt) - event.cancelHoursBefore * HOUR);
}

export function canCancelAt(event: { startAt: string; cancelHoursBefore: number }, now: Date): boolean {
  return now.getTime() < cancellationDeadline(event).getTime();
}

/** Check-in opens this long before the start and closes at the end. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 60;

/** Check-in: from one hour before the start (inclusive) through the end (inclusive). */
export function checkInWindowPhase(event: { startAt: string; endAt: string }, now: Date): 'early' | 'open' | 'closed' {
  const t = now.getTime();
  if (t < ms(event.startAt) - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000) return 'early';
  if (t > ms(event.endAt)) return 'closed';
  return 'open';
}

export interface Seats {
  capacity: number;
  /** Seats held by confirmed and pending signups. */
  seatsTaken: number;
  /** People on the waitlist. */
  waiting: number;
}

export const seatsLeft = (s: Seats): number => Math.max(0, s.capacity - s.seatsTaken);

/**
 * Where a new signup goes: a seat if one is free and nobody is waiting ahead (a freed seat belongs
 * to the first in line, never to a newcomer), the waitlist otherwise.
 */
export const placeFor = (s: Seats): 'seat' | 'waitlist' => (s.seatsTaken < s.capacity && s.waiting === 0 ? 'seat' : 'waitlist');

/** A published event's capacity may grow, or shrink down to the seats already taken, never below. */
export const capacityAllowed = (s: Pick<Seats, 'seatsTaken'>, capacity: number): boolean => capacity >= s.seatsTaken;

/** What the public signup button says. */
export type SignupButtonState = 'notYetOpen' | 'open' | 'waitlist' | 'closed' | 'cancelled' | 'ended';

export function signupButtonState(
  event: SignupWindow & Seats & { status: EventStatus; endAt: string },
  now: Date,
): SignupButtonState {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status === 'finished' || now.getTime() > ms(event.endAt)) return 'ended';
  if (event.status !== 'published') return 'closed';
  const phase = signupWindowPhase(event, now);
  if (phase !== 'open') return phase;
  return placeFor(event) === 'seat' ? 'open' : 'waitlist';
}

/** The day-before reminder is due within 24 hours of the start, and not after it. */
export function reminderDue(startAt: string, now: Date): boolean {
  const t = now.getTime();
  const start = ms(startAt);
  return t >= start - 24 * HOUR && t < start;
}

/** Shows a phone as 138****1234 to anyone but the organizing collective. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** Shows a name as 张* / 欧阳** to anyone but the organizing collective. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}

/** Share of signups held that were checked in, 0–1; null with no seats held. */
export const attendanceRate = (checkedIn: number, held: number): number | null => (held > 0 ? checkedIn / held : null);
