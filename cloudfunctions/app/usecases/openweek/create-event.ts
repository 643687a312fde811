import type { contract } from '../../../../shared/contract';
import { audit } from '../../audit';
import type { EventDoc } from '../../collections/openweek';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { editableFields, existingCampaign, managedEventView } from './helpers';
import { checkCoverUrl } from './images';
import { transact } from '../../ports/transaction-retry';

/** A collective drafts an event; nothing is public until it publishes. */
export const createEvent: Handler<typeof contract.openweek.createEvent> = async (ctx, input) => {
  const collective = accountOf(ctx);
  const campaign = await existingCampaign(ctx.store, input.campaignId);
  checkCoverUrl(ctx, collective.id, input.coverUrl);
  const now = ctx.now();
  const event: EventDoc = {
    id: newId(),
    collectiveId: collective.id,
    collectiveName: collective.name,
    unitId: collective.unitId,
    unitPath: collective.unitPath,
    ...editableFields(input),
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
  await transact(ctx.store, async (tx) => {
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
