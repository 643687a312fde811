import { TITLE_LEVEL_LABELS } from '../../../../shared/domain/filing/rules';
import { DEFAULT_ASPECT_TAGS, FOLLOW_UP_WORKING_DAYS } from '../../../../shared/domain/evaluation/rules';
import type { CampaignDoc } from '../../collections';
import type { EvaluationSettingsDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import { filingsOfCollective } from '../../common/collective-filings';
import type { Store } from '../../ports/store';

/** The collective's approved filing (the 创建标识) if any, and its campaign: that one's, else its latest filing's. */
async function filingStanding(store: Store, collective: CollectiveDoc) {
  const filings = await filingsOfCollective(store, collective.id);
  const approved = [...filings].reverse().find((f) => f.status === 'approved');
  const latest = filings[filings.length - 1];
  return { approved, campaignId: approved?.campaignId ?? latest?.campaignId ?? null };
}

/** The campaign a collective stands in (see filingStanding), without reading the campaign itself. */
export const campaignOf = async (store: Store, collective: CollectiveDoc): Promise<string | null> => (await filingStanding(store, collective)).campaignId;

/** Where a collective stands in the campaigns, with the mark an approved filing gives it. */
export async function standingOf(store: Store, collective: CollectiveDoc): Promise<{ mark: CampaignDoc | null; campaignId: string | null }> {
  const { approved, campaignId } = await filingStanding(store, collective);
  // Only 创建集体 display the mark; a revoked or closed collective never does.
  const mark = approved && collective.status === 'active' ? await store.get<CampaignDoc>('campaigns', approved.campaignId) : null;
  return { mark, campaignId };
}

export const markView = (campaign: CampaignDoc) => ({
  campaignName: campaign.name,
  term: campaign.term,
  levelLabel: TITLE_LEVEL_LABELS[campaign.level],
  statusLabel: '创建集体',
});

/** A campaign's evaluation settings (null: it has none, or there is no campaign): read once for all of them below. */
export async function settingsOf(store: Store, campaignId: string | null): Promise<EvaluationSettingsDoc | null> {
  return campaignId ? store.get<EvaluationSettingsDoc>('evaluationSettings', campaignId) : null;
}

/** The aspect tags evaluators choose from: the campaign's own, or the default list. */
export const aspectTagsIn = (settings: EvaluationSettingsDoc | null): { tags: string[]; isDefault: boolean } =>
  settings?.aspectTags ? { tags: settings.aspectTags, isDefault: false } : { tags: [...DEFAULT_ASPECT_TAGS], isDefault: true };

/** The working days a campaign's new 差评 cases and complaints are due in: its own setting, or the default. */
export const followUpDaysIn = (settings: EvaluationSettingsDoc | null): { workingDays: number; isDefault: boolean } =>
  settings?.followUpDays ? { workingDays: settings.followUpDays, isDefault: false } : { workingDays: FOLLOW_UP_WORKING_DAYS, isDefault: true };

export const aspectTagsOf = async (store: Store, campaignId: string | null) => aspectTagsIn(await settingsOf(store, campaignId));

export const followUpDaysOf = async (store: Store, campaignId: string | null) => followUpDaysIn(await settingsOf(store, campaignId));
