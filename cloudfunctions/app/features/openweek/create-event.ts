import type { contract } from '../../../../shared/contract';
import { audit } from '../../common/audit';
import type { EventDoc } from '../../collections/openweek';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { editableFields } from './fields';
import { existingCampaign } from './loaders';
import { managedEventViewOf } from './views';
import { newShards, shardCountFor } from './seat-shards';
import { checkCoverUrl } from './images';
import { transact } from '../../ports/transaction-retry';

/** A collective drafts an event; nothing is public until it publishes. */
export const createEvent: Handler<typeof contract.openweek.createEvent> = async (ctx, input) => {
  const collective = accountOf(ctx);
  await existingCampaign(ctx.store, input.campaignId);
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
    seatShards: shardCountFor(input.capacity),
    checkedIn: 0,
    summary: null,
    summaryPhotos: [],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  await transact(ctx.store, async (tx) => {
    await tx.insert('events', event);
    for (const shard of newShards(event.id, event.capacity, event.createdAt)) await tx.insert('seatShards', shard);
    await audit(tx, now, {
      actor: collective,
      action: 'openweek.createEvent',
      objectType: 'event',
      objectId: event.id,
      unitPath: event.unitPath,
      after: { title: event.title, type: event.type, capacity: event.capacity, startAt: event.startAt },
    });
  });
  return { event: await managedEventViewOf(ctx.store, event) };
};
