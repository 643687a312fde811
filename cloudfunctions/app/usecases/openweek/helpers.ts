import { randomInt } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import type { EventFields } from '../../../../shared/contract/openweek';
import type { AttendeeView, EventCardView, EventView, ManagedEventView, MySignupView } from '../../../../shared/contract/openweek-views';
import { CODE_ALPHABET } from '../../../../shared/domain/account-code';
import { cancellationDeadline, maskPhone, seatsLeft, type SignupStatus } from '../../../../shared/domain/openweek/event-rules';
import type { CampaignDoc } from '../../collections';
import type { EventDoc, SignupDoc } from '../../collections/openweek';
import { accountOf, type UseCaseContext } from '../../context';
import { eachDocument, type Store } from '../../ports/store';
import { loadInScope } from '../../scope';
import { seatCountsOf, type SeatCounts } from './seat-shards';

export { visitorOf } from '../../common/visitor';

/** Every signup of an event, in the order people signed up (cancelling, moving or exporting an event). */
export const signupsOf = (store: Store, eventId: string) =>
  eachDocument<SignupDoc>(store, 'signups', { where: { eventId }, orderBy: { fields: ['createdAt'], direction: 'asc' } });

/** The fields a collective fills in, as stored: the same for a new event and an edit. */
export function editableFields(input: EventFields) {
  return {
    campaignId: input.campaignId,
    type: input.type,
    title: input.title,
    description: input.description,
    coverUrl: input.coverUrl || null,
    startAt: input.startAt,
    endAt: input.endAt,
    address: input.address,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    capacity: input.capacity,
    signupOpensAt: input.signupOpensAt,
    signupClosesAt: input.signupClosesAt,
    requiresApproval: input.requiresApproval,
    cancelHoursBefore: input.cancelHoursBefore,
    askPhone: input.askPhone,
    extraQuestion: input.extraQuestion || null,
  };
}

/** The campaign an event belongs to; refused at its field when it does not exist. */
export async function existingCampaign(store: Store, campaignId: string): Promise<CampaignDoc> {
  const campaign = await store.get<CampaignDoc>('campaigns', campaignId);
  if (!campaign) throw new AppError('INVALID_INPUT', '所属创建活动：不存在', { campaignId: '所属创建活动：不存在' });
  return campaign;
}

/** The visitor's signup for an event, if any (the unique (eventId, visitorId) index holds at most one). */
export async function signupOfVisitor(store: Store, eventId: string, visitorId: string): Promise<SignupDoc | null> {
  const { items } = await store.find<SignupDoc>('signups', { where: { eventId, visitorId }, orderBy: { fields: ['visitorId'], direction: 'asc' }, limit: 1 });
  return items[0] ?? null;
}

/** 8 characters from the look-alike-free alphabet: 31^8 ≈ 8.5×10^11, typed easily on a phone. */
export function newCheckInCode(): string {
  return Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** An event the public may see: published (or ended/cancelled) and not hidden. */
export async function publicEvent(store: Store, eventId: string): Promise<EventDoc> {
  const event = await store.get<EventDoc>('events', eventId);
  if (!event || event.hidden || event.status === 'draft') throw new AppError('EVENT_NOT_FOUND');
  return event;
}

/** An event of the calling collective; another collective's event is out of scope. */
export async function ownEvent(ctx: UseCaseContext, eventId: string): Promise<EventDoc> {
  const event = await ctx.store.get<EventDoc>('events', eventId);
  if (!event) throw new AppError('NOT_FOUND', '未找到该活动');
  if (event.collectiveId !== accountOf(ctx).id) throw new AppError('NOT_IN_SCOPE', '只能管理本集体的活动');
  return event;
}

/** An event in the calling admin's subtree. */
export const eventInScope = (ctx: UseCaseContext, eventId: string) =>
  loadInScope<EventDoc>(ctx, 'events', eventId, '未找到该活动', (e) => e.unitPath);

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

export async function campaignName(store: Store, campaignId: string): Promise<string> {
  return (await store.get<CampaignDoc>('campaigns', campaignId))?.name ?? '';
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

/** Where a person promoted from the waitlist lands. */
export const seatStatus = (e: EventDoc): SignupStatus => (e.requiresApproval ? 'pending' : 'confirmed');
