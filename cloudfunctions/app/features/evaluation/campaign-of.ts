import { TITLE_LEVEL_LABELS } from '../../../../shared/domain/filing/rules';
import { DEFAULT_ASPECT_TAGS, FOLLOW_UP_WORKING_DAYS } from '../../../../shared/domain/evaluation/rules';
import type { CampaignDoc } from '../../collections';
import type { EvaluationSettingsDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import { filingsOfCollective } from '../../common/collective-filings';
import type { Store } from '../../ports/store';

/** Where a collective stands in the campaigns: the campaign of its approved filing (the 创建标识), else of its latest filing. */
export async function standingOf(store: Store, collective: CollectiveDoc): Promise<{ mark: CampaignDoc | null; campaignId: string | null }> {
  const filings = await filingsOfCollective(store, collective.id);
  const approved = [...filings].reverse().find((f) => f.status === 'approved');
  const latest = filings[filings.length - 1];
  // Only 创建集体 display the mark; a revoked or closed collective never does.
  const mark = approved && collective.status === 'active' ? await store.get<CampaignDoc>('campaigns', approved.campaignId) : null;
  return { mark, campaignId: approved?.campaignId ?? latest?.campaignId ?? null };
}

export const markView = (campaign: CampaignDoc) => ({
  campaignName: campaign.name,
  term: campaign.term,
  levelLabel: TITLE_LEVEL_LABELS[campaign.level],
  statusLabel: '创建集体',
});

/** The aspect tags evaluators choose from: the campaign's own, or the default list. */
export async function aspectTagsOf(store: Store, campaignId: string | null): Promise<{ tags: string[]; isDefault: boolean }> {
  const settings = campaignId ? await store.get<EvaluationSettingsDoc>('evaluationSettings', campaignId) : null;
  return settings?.aspectTags ? { tags: settings.aspectTags, isDefault: false } : { tags: [...DEFAULT_ASPECT_TAGS], isDefault: true };
}

/** The working days a campaign's new 差评 cases and complaints are due in: its own setting, or the default. */
export async function followUpDaysOf(store: Store, campaignId: string | null): Promise<{ workingDays: number; isDefault: boolean }> {
  const settings = campaignId ? await store.get<EvaluationSettingsDoc>('evaluationSettings', campaignId) : null;
  return settings?.followUpDays ? { workingDays: settings.followUpDays, isDefault: false } : { workingDays: FOLLOW_UP_WORKING_DAYS, isDefault: true };
}
