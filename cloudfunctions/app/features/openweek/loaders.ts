import { AppError } from '../../../../shared/errors';
import type { CampaignDoc } from '../../collections';
import type { EventDoc, SignupDoc } from '../../collections/openweek';
import { loadInScope } from '../../common/scope';
import { accountOf, type UseCaseContext } from '../../context';
import { eachDocument, type Store } from '../../ports/store';

/** Every signup of an event, in the order people signed up (cancelling, moving or exporting an event). */
export const signupsOf = (store: Store, eventId: string) =>
  eachDocument<SignupDoc>(store, 'signups', { where: { eventId }, orderBy: { fields: ['createdAt'], direction: 'asc' } });

/** The campaign an event belongs to; refused at its field when it does not exist. */
export async function existingCampaign(store: Store, campaignId: string): Promise<CampaignDoc> {
  const campaign = await store.get<CampaignDoc>('campaigns', campaignId);
  if (!campaign) throw new AppError('INVALID_INPUT', '所属创建活动：不存在', { campaignId: '所属创建活动：不存在' });
  return campaign;
}

export async function campaignName(store: Store, campaignId: string): Promise<string> {
  return (await store.get<CampaignDoc>('campaigns', campaignId))?.name ?? '';
}

/** The visitor's signup for an event, if any (the unique (eventId, visitorId) index holds at most one). */
export async function signupOfVisitor(store: Store, eventId: string, visitorId: string): Promise<SignupDoc | null> {
  const { items } = await store.find<SignupDoc>('signups', { where: { eventId, visitorId }, orderBy: { fields: ['visitorId'], direction: 'asc' }, limit: 1 });
  return items[0] ?? null;
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
