import { z } from 'zod';
import { EVENT_STATUSES, EVENT_TYPES, SIGNUP_STATUSES } from '../domain/openweek/event-rules';

const place = z.object({ address: z.string(), lat: z.number().nullable(), lng: z.number().nullable() });

/** An event as anyone sees it: no personal data, seats as counts. */
export const eventCardView = z.object({
  id: z.string(),
  type: z.enum(EVENT_TYPES),
  title: z.string(),
  coverUrl: z.string().nullable(),
  startAt: z.string(),
  endAt: z.string(),
  address: z.string(),
  collectiveId: z.string(),
  collectiveName: z.string(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  waiting: z.number().int(),
  status: z.enum(EVENT_STATUSES),
  signupOpensAt: z.string(),
  signupClosesAt: z.string(),
});
export type EventCardView = z.infer<typeof eventCardView>;

export const eventView = eventCardView.extend({
  description: z.string(),
  place,
  requiresApproval: z.boolean(),
  cancelHoursBefore: z.number().int(),
  askPhone: z.boolean(),
  extraQuestion: z.string().nullable(),
  campaignId: z.string(),
  campaignName: z.string(),
  unitId: z.string(),
  summary: z.string().nullable(),
  summaryPhotos: z.array(z.string()),
});
export type EventView = z.infer<typeof eventView>;

/** The organizing collective's and admins' view: counters too. */
export const managedEventView = eventView.extend({
  seatsTaken: z.number().int(),
  checkedIn: z.number().int(),
  hidden: z.boolean(),
  hiddenReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type ManagedEventView = z.infer<typeof managedEventView>;

/** A visitor's own signup: their check-in code, their own phone masked. */
export const mySignupView = z.object({
  id: z.string(),
  eventId: z.string(),
  eventTitle: z.string(),
  eventStartAt: z.string(),
  eventEndAt: z.string(),
  eventAddress: z.string(),
  /** A cancelled event leaves its signups as they were: the page says the event is off. */
  eventStatus: z.enum(EVENT_STATUSES),
  status: z.enum(SIGNUP_STATUSES),
  /** 1 = next in line; null when not waiting. */
  waitlistPosition: z.number().int().nullable(),
  name: z.string(),
  phoneMasked: z.string(),
  /** Only for confirmed signups. */
  checkInCode: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  cancelDeadline: z.string(),
  createdAt: z.string(),
});
export type MySignupView = z.infer<typeof mySignupView>;

/** A signup as the organizing collective sees it: in full. */
export const attendeeView = z.object({
  id: z.string(),
  status: z.enum(SIGNUP_STATUSES),
  name: z.string(),
  phone: z.string(),
  answer: z.string().nullable(),
  waitOrder: z.number().int().nullable(),
  checkedInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AttendeeView = z.infer<typeof attendeeView>;

export const statsRowView = z.object({
  unitId: z.string(),
  unitName: z.string(),
  eventsHeld: z.number().int(),
  signups: z.number().int(),
  checkedIn: z.number().int(),
  attendanceRate: z.number().nullable(),
  byType: z.record(z.enum(EVENT_TYPES), z.number().int()),
});
export type StatsRowView = z.infer<typeof statsRowView>;
