import type { contract } from '../../../../shared/contract';
import { daysSince, isSilent } from '../../../../shared/domain/creationlog/silence';
import type { Handler } from '../../router';
import { ensureActivity } from './activity';
import { collectiveMonthCounts } from '../../common/creation-counts';
import { campaignCategories } from '../../common/creation-categories';
import { latestCampaign } from '../../common/campaigns';
import { myCollective } from './entries';

/** The collective's log at a glance: the categories of the campaign it logs under, entries per month and category (its own counter), and how long it has been silent. */
export const overview: Handler<typeof contract.creationlog.overview> = async (ctx) => {
  const collective = await myCollective(ctx);
  const activity = await ensureActivity(ctx, collective);
  const last = activity.lastSubmittedAt ? new Date(activity.lastSubmittedAt) : null;
  const now = ctx.now();
  const campaign = await latestCampaign(ctx.store);
  return {
    categories: (await campaignCategories(ctx.store, campaign?.id ?? '')).categories,
    months: await collectiveMonthCounts(ctx.store, collective.id),
    lastSubmittedAt: activity.lastSubmittedAt || null,
    silentDays: daysSince(last ?? new Date(activity.openedAt), now),
    prompt: isSilent(last, new Date(activity.openedAt), now),
  };
};
