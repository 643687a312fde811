import type { FilingDraftContent } from '../../shared/contract/filing-content';
import type { CampaignDoc } from '../../cloudfunctions/app/collections';
import type { Caller } from '../../cloudfunctions/app/context';
import { seedHierarchy, type TestApp } from './harness';

/** A complete, valid filing: every field the notices ask for. */
export function completeContent(overrides: Partial<FilingDraftContent> = {}): FilingDraftContent {
  return {
    name: '岳阳市公交一路青年班组',
    leaderName: '李明',
    leaderPosition: '班组长',
    leaderAge: '32',
    memberCount: '12',
    averageAge: '29.5',
    membersUnder35: '8',
    membersUnder40: '10',
    totalStaff: '30',
    foundedOn: '2010-05-04',
    phone: '0730-8889464',
    wechatId: 'yy_bus_1',
    address: '岳阳市岳阳楼区金鹗中路1号',
    postcode: '414000',
    nonPublic: 'no',
    recoveryEmail: 'bus1@example.cn',
    goals: '打造群众满意的一流公交服务窗口。',
    measures: '开展岗位练兵、服务承诺和青年文明号开放周活动。',
    schedule: '上半年完成培训，下半年组织开放周和自评互评。',
    achievements: '公交一路青年班组立足岗位、服务群众。'.repeat(8),
    priorTitles: [{ level: 'county', year: 2016, kind: 'named' }],
    ...overrides,
  };
}

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
