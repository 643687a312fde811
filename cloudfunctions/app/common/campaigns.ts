import { AppError } from '../../../shared/errors';
import type { CampaignView } from '../../../shared/contract/filing-views';
import { DEFAULT_CONDITIONS, type CampaignRules } from '../../../shared/domain/filing/rules';
import { describeWindow, windowState } from '../../../shared/domain/filing/window';
import type { CampaignDoc } from '../collections';
import { DEFAULT_TARGET_MULTIPLIER } from '../../../shared/domain/management/progress';
import type { Store } from '../ports/store';

/** A campaign's rules, with the defaults for documents written before issue #3 (the demo's). */
export function rulesOf(campaign: CampaignDoc): CampaignRules {
  return {
    window: { opens: campaign.filingOpens ?? campaign.createdAt.slice(0, 10), closesBefore: campaign.filingCloses.before },
    conditions: campaign.rules?.conditions ?? DEFAULT_CONDITIONS,
    eligibility: campaign.rules?.eligibility ?? { kind: 'none' },
    reminderDaysBefore: campaign.rules?.reminderDaysBefore ?? 3,
    targetMultiplier: campaign.rules?.targetMultiplier ?? DEFAULT_TARGET_MULTIPLIER,
  };
}

export function campaignView(campaign: CampaignDoc, now: Date): CampaignView {
  const rules = rulesOf(campaign);
  return {
    id: campaign.id,
    name: campaign.name,
    level: campaign.level,
    term: campaign.term,
    rules,
    windowText: describeWindow(rules.window),
    windowState: windowState(rules.window, now),
    version: campaign.version ?? 1,
  };
}

/** A unit's quota document for a campaign: one per campaign and unit. */
export const quotaId = (campaignId: string, unitId: string) => `${campaignId}:${unitId}`;

export async function loadCampaign(store: Store, campaignId: string): Promise<CampaignDoc> {
  const campaign = await store.get<CampaignDoc>('campaigns', campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', '未找到该创建工作');
  return campaign;
}

/** The newest campaign (the one a collective files for by default). */
export async function latestCampaign(store: Store): Promise<CampaignDoc | null> {
  const { items } = await store.find<CampaignDoc>('campaigns', { orderBy: { fields: ['createdAt'], direction: 'desc' }, limit: 1 });
  return items[0] ?? null;
}
