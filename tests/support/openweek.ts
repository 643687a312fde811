import type { CampaignDoc } from '../../cloudfunctions/app/collections';
import type { TestApp } from './harness';

export const HOUR = 3_600_000;

/** The campaign a seeded store starts with: events must belong to one. */
export async function firstCampaignId(app: TestApp): Promise<string> {
  return (await app.store.find<CampaignDoc>('campaigns', { orderBy: { fields: ['createdAt'], direction: 'asc' }, limit: 1 })).items[0].id;
}

/**
 * What a collective types to create an event, as of `now`: it starts in 3 days and lasts 3 hours, 2 seats,
 * signups open from an hour ago for 2 days, cancelling allowed until 24 h before the start.
 */
export function eventFields(now: number, campaignId: string, overrides: Record<string, unknown> = {}) {
  return {
    type: 'siteVisit',
    title: '公交调度中心开放日',
    description: '走进公交调度中心，了解一辆公交车的一天。',
    startAt: new Date(now + 72 * HOUR).toISOString(),
    endAt: new Date(now + 75 * HOUR).toISOString(),
    address: '岳阳市岳阳楼区公交调度中心',
    capacity: 2,
    signupOpensAt: new Date(now - HOUR).toISOString(),
    signupClosesAt: new Date(now + 48 * HOUR).toISOString(),
    cancelHoursBefore: 24,
    campaignId,
    ...overrides,
  };
}
