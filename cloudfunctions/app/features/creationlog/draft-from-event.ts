import { AppError } from '../../../../shared/errors';
import type { contract } from '../../../../shared/contract';
import { MAX_ENTRY_IMAGES } from '../../../../shared/domain/creationlog/categories';
import { chinaDateOf } from '../../../../shared/domain/filing/window';
import type { EventDoc } from '../../collections/openweek';
import { accountOf } from '../../context';
import { latestCampaign } from '../../common/campaigns';
import { campaignCategories } from '../../common/creation-categories';
import type { Handler } from '../../router';
import { createDraft } from './drafts';
import { entryView, openMyCollective } from './entries';

/** One tap: a finished open-week event's summary and photos become a draft under 开放周, linked to the event. */
export const draftFromEvent: Handler<typeof contract.creationlog.draftFromEvent> = async (ctx, input) => {
  const event = await ctx.store.get<EventDoc>('events', input.eventId);
  if (!event || event.collectiveId !== accountOf(ctx).id) throw new AppError('NOT_FOUND', '未找到该开放周活动');
  if (event.status !== 'finished' || !event.summary) throw new AppError('INVALID_STATE', '活动结束并记录总结后，才能生成动态');
  const collective = await openMyCollective(ctx);
  // Under 开放周 when the campaign offers it (an office may have hidden or removed it): otherwise the collective picks one.
  const campaign = await latestCampaign(ctx.store);
  const offered = campaign ? (await campaignCategories(ctx.store, campaign.id)).categories.some((c) => c.code === 'openweek' && !c.hidden) : false;
  const entry = await createDraft(ctx, collective, {
    title: event.title.slice(0, 60),
    workDate: chinaDateOf(new Date(event.startAt)),
    text: event.summary,
    images: event.summaryPhotos.slice(0, MAX_ENTRY_IMAGES),
    ...(offered ? { category: 'openweek' } : {}),
    eventId: event.id,
  });
  return { entry: entryView(entry) };
};
