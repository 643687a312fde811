import type { FilingDraftContent } from '../../shared/contract/filing-content';

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
