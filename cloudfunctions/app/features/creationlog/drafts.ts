import { AppError } from '../../../../shared/errors';
import type { EntryDraftContent } from '../../../../shared/contract/creationlog';
import { audit } from '../../common/audit';
import type { UnitDoc } from '../../collections';
import type { CollectiveDoc } from '../../collections/filing';
import type { EventDoc } from '../../collections/openweek';
import type { CreationEntryDoc } from '../../collections/creationlog';
import { accountOf, type UseCaseContext } from '../../context';
import { latestCampaign } from '../../common/campaigns';
import { campaignCategories, entryCategoryLabel } from '../../common/creation-categories';
import { placement } from '../../common/filing-placement';
import { checkLimits } from '../../limits/policy';
import { transact } from '../../ports/transaction-retry';
import { newId } from '../../security/random';
import { entryImages } from './images';
import { followUploads, uploadIdsOf } from './uploads';
import { entryVideo } from './videos';

/**
 * The category named by its campaign's list: one offered to new entries, or the one the entry already has (a category
 * hidden since keeps it). Its name is kept with the entry (a category in use is never renamed).
 */
async function categoryOf(ctx: UseCaseContext, campaignId: string, code: string | undefined, current: CreationEntryDoc | null) {
  if (!code) return { category: null, categoryLabel: null };
  if (current?.category === code) return { category: code, categoryLabel: entryCategoryLabel(current) };
  const offered = (await campaignCategories(ctx.store, campaignId)).categories.find((c) => c.code === code && !c.hidden);
  if (!offered) throw new AppError('INVALID_INPUT', '类别：请选择本创建活动的类别', { 'content.category': '类别：请选择本创建活动的类别' });
  return { category: offered.code, categoryLabel: offered.label };
}

/** The parts of an entry its content decides, with the linked event and corrected entry checked to be the collective's own. */
async function contentFields(ctx: UseCaseContext, collective: CollectiveDoc, campaignId: string, content: EntryDraftContent, current: CreationEntryDoc | null) {
  let event: EventDoc | null = null;
  if (content.eventId) {
    event = await ctx.store.get<EventDoc>('events', content.eventId);
    // Events belong to the account that signs in for the collective (a transfer moves them to the new one).
    if (!event || event.collectiveId !== accountOf(ctx).id) {
      throw new AppError('NOT_FOUND', '未找到该开放周活动', { 'content.eventId': '开放周活动：请选择本集体的活动' });
    }
  }
  let corrects: CreationEntryDoc | null = null;
  if (content.correctsId) {
    corrects = await ctx.store.get<CreationEntryDoc>('creationEntries', content.correctsId);
    if (!corrects || corrects.collectiveId !== collective.id || corrects.status !== 'submitted') {
      throw new AppError('NOT_FOUND', '未找到要更正的动态', { 'content.correctsId': '更正的动态：请选择本集体已提交的动态' });
    }
  }
  const { images, thumbnails } = await entryImages(ctx, collective.id, content.images, event?.summaryPhotos ?? [], [current, corrects].filter((e) => e !== null));
  const video = await entryVideo(ctx, collective.id, content.video, current?.video ?? null);
  return {
    title: content.title ?? '',
    workDate: content.workDate ?? '',
    text: content.text ?? '',
    images,
    thumbnails,
    video,
    videoStatus: video ? (video.approvedAt ? ('approved' as const) : ('pending' as const)) : null,
    ...(await categoryOf(ctx, campaignId, content.category, current)),
    eventId: event?.id ?? null,
    eventTitle: event?.title ?? null,
    correctsId: corrects?.id ?? null,
    correctsTitle: corrects?.title ?? null,
  };
}

/** A new draft in the collective's workspace, under the newest campaign; counted against its daily quota of entries. */
export async function createDraft(ctx: UseCaseContext, collective: CollectiveDoc, content: EntryDraftContent): Promise<CreationEntryDoc> {
  const campaign = await latestCampaign(ctx.store);
  if (!campaign) throw new AppError('NO_CAMPAIGN');
  const fields = await contentFields(ctx, collective, campaign.id, content, null);
  const unit = await ctx.store.get<UnitDoc>('units', collective.unitId);
  if (!unit) throw new AppError('NOT_FOUND', '未找到本集体所属的管理单位');
  await checkLimits(ctx, 'creationEntry', { collective: collective.id });
  const { unitId, unitPath, unitL1, unitL2, unitL3 } = await placement(ctx.store, unit);
  const now = ctx.now().toISOString();
  const entry: CreationEntryDoc = {
    id: newId(),
    collectiveId: collective.id,
    collectiveName: collective.name,
    campaignId: campaign.id,
    unitId,
    unitName: unit.name,
    unitPath,
    unitL1,
    unitL2,
    unitL3,
    status: 'draft',
    ...fields,
    submittedAt: null,
    readL0: false,
    readL1: false,
    readL2: false,
    readL3: false,
    guidance: [],
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await transact(ctx.store, async (tx) => {
    await tx.insert('creationEntries', entry);
    await followUploads(tx, entry.id, [], uploadIdsOf(ctx, collective.id, entry));
    // Only the entry coming into being is audited: later saves as it is typed change content, not state.
    await audit(tx, ctx.now(), {
      actor: accountOf(ctx),
      action: 'creationlog.createEntry',
      objectType: 'creationEntry',
      objectId: entry.id,
      unitPath: entry.unitPath,
      after: { title: entry.title, eventId: entry.eventId, correctsId: entry.correctsId },
    });
  });
  return entry;
}

/** A draft saved again as it is typed, if nobody changed it since `version` and it is still a draft. */
export async function updateDraft(
  ctx: UseCaseContext,
  collective: CollectiveDoc,
  draft: CreationEntryDoc,
  version: number,
  content: EntryDraftContent,
): Promise<CreationEntryDoc> {
  const next: CreationEntryDoc = { ...draft, ...(await contentFields(ctx, collective, draft.campaignId, content, draft)), updatedAt: ctx.now().toISOString(), version: draft.version + 1 };
  const { id: _id, ...set } = next;
  void _id;
  await transact(ctx.store, async (tx) => {
    if (!(await tx.update('creationEntries', draft.id, { set }, { version, status: 'draft' }))) throw new AppError('CONFLICT');
    await followUploads(tx, draft.id, uploadIdsOf(ctx, collective.id, draft), uploadIdsOf(ctx, collective.id, next));
  });
  return next;
}
