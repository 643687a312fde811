import type { contract } from '../../../../shared/contract';
import { pathIds } from '../../../../shared/domain/unit-tree';
import type { UnitDoc } from '../../collections';
import type { ComplaintChannelDoc } from '../../collections/evaluation';
import { placeOf } from '../../common/collective-place';
import { publicEntriesPage } from '../../common/public-entries';
import type { Store } from '../../ports/store';
import type { Handler } from '../../router';
import { markView, standingOf } from './campaign-of';
import { commentsPage } from './comments';
import { readSummary } from './counts';
import { targetByCode, targetOfAccount } from './pages';

/** Comments on the page itself; more through `comments`. */
export const FIRST_COMMENTS = 10;
/** Public creation-log entries on the page itself; more through `publicEntries`. */
export const FIRST_ENTRIES = 5;

/** The complaint channel of the nearest unit, from the collective's own up to its 行业/地方, that published one. */
async function complaintChannelOf(store: Store, unitPath: string) {
  for (const unitId of pathIds(unitPath).slice(1).reverse()) {
    const channel = await store.get<ComplaintChannelDoc>('complaintChannels', unitId);
    if (channel && (channel.phone || channel.email)) {
      const unit = await store.get<UnitDoc>('units', unitId);
      return { unitName: unit?.name ?? '', phone: channel.phone, email: channel.email };
    }
  }
  return null;
}

/**
 * The 三亮 page: identity (mark, names, unit), image (address, service hours, events), pledge (the
 * commitment and where to complain), and the public's verdict — figures from counters, comments that
 * passed content security — without anything that identifies an evaluator.
 */
export const publicPage: Handler<typeof contract.evaluation.publicPage> = async (ctx, input) => {
  const { collective, page } = input.code ? await targetByCode(ctx.store, input.code) : await targetOfAccount(ctx.store, input.collectiveId as string);
  const { mark } = await standingOf(ctx.store, collective);
  return {
    collective: {
      code: page.code,
      name: collective.name,
      formerNames: collective.formerNames,
      ...(await placeOf(ctx.store, collective.unitId)),
      eventsCollectiveId: collective.accountId,
    },
    mark: mark ? markView(mark) : null,
    commitment: page.commitment,
    address: page.address,
    serviceHours: page.serviceHours,
    complaint: await complaintChannelOf(ctx.store, collective.unitPath),
    acceptsEvaluations: collective.status === 'active',
    summary: await readSummary(ctx.store, collective.id),
    comments: await commentsPage(ctx.store, collective.id, undefined, FIRST_COMMENTS),
    entries: await publicEntriesPage(ctx.store, collective.id, undefined, FIRST_ENTRIES),
  };
};
