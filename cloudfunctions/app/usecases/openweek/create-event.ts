import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../audit';
import type { CampaignDoc } from '../../collections';
import type { EventDoc } from '../../collections/openweek';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { managedEventView } from './helpers';

/** A collective drafts an event; nothing is public until it publishes. */
export const createEvent: Handler<typeof contract.openweek.createEvent> = async (ctx, input) => {
  const collective = accountOf(ctx);
  const campaign = await ctx.store.get<CampaignDoc>('campaigns', input.campaignId);
  if (!campaign) throw new AppError('INVALID_INPUT', '所属创建活动：不存在', { campaignId: '所属创建活动：不存在' });
  const now = ctx.now();
  const event: EventDoc = {
    id: newId(),
    collectiveId: collective.id,
    collectiveName: collective.name,
    unitId: collective.unitId,
    unitPath: collective.unitPath,
    campaignId: campaign.id,
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
    status: 'draft',
    hidden: false,
    hiddenReason: null,
    seatsTaken: 0,
    waiting: 0,
    waitSeq: 0,
    checkedIn: 0,
    summary: null,
    summaryPhotos: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.insert('events', event);
    await audit(tx, now, {
      actor: collective,
      action: 'openweek.createEvent',
      objectType: 'event',
      objectId: event.id,
      unitPath: event.unitPath,
      after: { title: event.title, type: event.type, capacity: event.capacity, startAt: event.startAt },
    });
  });
  return { event: managedEventView(event, campaign.name) };
};
