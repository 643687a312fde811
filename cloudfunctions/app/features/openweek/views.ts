import type { AttendeeView, EventCardView, EventView, ManagedEventView, MySignupView } from '../../../../shared/contract/openweek-views';
import { cancellationDeadline, maskPhone, seatsLeft } from '../../../../shared/domain/openweek/event-rules';
import type { EventDoc, SignupDoc } from '../../collections/openweek';
import type { Store } from '../../ports/store';
import { campaignName } from './loaders';
import { seatCountsOf, type SeatCounts } from './seat-shards';

/** `seats`: the event's counts from its seat shards (seat-shards.ts). */
export function eventCardView(e: EventDoc, seats: SeatCounts): EventCardView {
  return {
    id: e.id,
    type: e.type,
    title: e.title,
    coverUrl: e.coverUrl,
    startAt: e.startAt,
    endAt: e.endAt,
    address: e.address,
    collectiveId: e.collectiveId,
    collectiveName: e.collectiveName,
    capacity: e.capacity,
    seatsLeft: seatsLeft({ capacity: e.capacity, ...seats }),
    waiting: seats.waiting,
    status: e.status,
    signupOpensAt: e.signupOpensAt,
    signupClosesAt: e.signupClosesAt,
  };
}

export function eventView(e: EventDoc, campaign: string, seats: SeatCounts): EventView {
  return {
    ...eventCardView(e, seats),
    description: e.description,
    place: { address: e.address, lat: e.lat, lng: e.lng },
    requiresApproval: e.requiresApproval,
    cancelHoursBefore: e.cancelHoursBefore,
    askPhone: e.askPhone,
    extraQuestion: e.extraQuestion,
    campaignId: e.campaignId,
    campaignName: campaign,
    unitId: e.unitId,
    summary: e.summary,
    summaryPhotos: e.summaryPhotos,
  };
}

function managedEventView(e: EventDoc, campaign: string, seats: SeatCounts): ManagedEventView {
  return {
    ...eventView(e, campaign, seats),
    seatsTaken: seats.seatsTaken,
    checkedIn: e.checkedIn,
    hidden: e.hidden,
    hiddenReason: e.hiddenReason,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    version: e.version,
  };
}

export async function managedEventViews(store: Store, events: EventDoc[]): Promise<ManagedEventView[]> {
  const names = new Map<string, string>();
  for (const e of events) if (!names.has(e.campaignId)) names.set(e.campaignId, await campaignName(store, e.campaignId));
  const seats = await seatCountsOf(store, events);
  return events.map((e) => managedEventView(e, names.get(e.campaignId) ?? '', seats.get(e.id) as SeatCounts));
}

/** One event as its collective or an admin sees it, with its campaign's name and its seat counts. */
export async function managedEventViewOf(store: Store, e: EventDoc): Promise<ManagedEventView> {
  return (await managedEventViews(store, [e]))[0];
}

/** Public cards of events with their seat counts. */
export async function eventCardViews(store: Store, events: EventDoc[]): Promise<EventCardView[]> {
  const seats = await seatCountsOf(store, events);
  return events.map((e) => eventCardView(e, seats.get(e.id) as SeatCounts));
}

/** 1 = next in line. */
export async function waitlistPosition(store: Store, s: SignupDoc): Promise<number | null> {
  if (s.status !== 'waitlisted') return null;
  return store.count('signups', { eventId: s.eventId, status: 'waitlisted', waitOrder: { $lte: s.waitOrder } });
}

export async function mySignupView(store: Store, s: SignupDoc, e: EventDoc): Promise<MySignupView> {
  return {
    id: s.id,
    eventId: s.eventId,
    eventTitle: e.title,
    eventStartAt: e.startAt,
    eventEndAt: e.endAt,
    eventAddress: e.address,
    eventStatus: e.status,
    status: s.status,
    waitlistPosition: await waitlistPosition(store, s),
    name: s.name,
    phoneMasked: s.phone ? maskPhone(s.phone) : '',
    checkInCode: s.status === 'confirmed' ? s.checkInCode : null,
    checkedInAt: s.checkedInAt,
    cancelDeadline: cancellationDeadline(e).toISOString(),
    createdAt: s.createdAt,
  };
}

/** Full personal data: only for the organizing collective (the use cases check ownership first). */
export function attendeeView(s: SignupDoc): AttendeeView {
  return {
    id: s.id,
    status: s.status,
    name: s.name,
    phone: s.phone,
    answer: s.answer,
    waitOrder: s.status === 'waitlisted' ? s.waitOrder : null,
    checkedInAt: s.checkedInAt,
    createdAt: s.createdAt,
  };
}
