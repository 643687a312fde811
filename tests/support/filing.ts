import type { FilingDraftContent } from '../../shared/contract/filing-content';
import type { CampaignDoc } from '../../cloudfunctions/app/collections';
import type { Caller } from '../../cloudfunctions/app/context';
import { seedHierarchy, type TestApp } from './harness';

import { completeContent } from './filing-content';

export { completeContent };

export async function demoCampaign(app: TestApp): Promise<CampaignDoc> {
  const { items } = await app.store.find<CampaignDoc>('campaigns', { orderBy: { fields: ['createdAt'], direction: 'desc' }, limit: 1 });
  return items[0];
}

/** The hierarchy plus the demo campaign's id. */
export async function seedFiling(app: TestApp) {
  const h = await seedHierarchy(app);
  const campaign = await demoCampaign(app);
  return { ...h, campaignId: campaign.id };
}

export async function submitComplete(app: TestApp, campaignId: string, caller: Caller, overrides: Partial<FilingDraftContent> = {}) {
  return (await app.ok('filing', 'submit', { campaignId, content: completeContent(overrides) }, caller)).filing;
}
