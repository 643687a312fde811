import { ASSESSMENT_ITEMS } from '../../../shared/domain/management/assessment';
import { completeContent } from '../../support/filing-content';
import type { FixtureOf } from './cloud';

type AccountFixture = NonNullable<FixtureOf<'account.me'>['account']>;
type FilingFixture = FixtureOf<'review.getFiling'>['filing'];
type CampaignFixture = FixtureOf<'campaign.listCampaigns'>['items'][number];
type CollectiveFixture = FilingFixture['collective'];
type EntryFixture = FixtureOf<'creationlog.getMine'>['entry'];
type EntryCardFixture = FixtureOf<'creationlog.listMine'>['items'][number];

/** A signed-in collective's account (`account.me`), issued in 2018 and bound to this WeChat. */
export function accountView(overrides: Partial<AccountFixture> = {}): AccountFixture {
  return {
    id: 'acc-1', code: 'JT7K4MPQ', role: 'collective', level: null, name: '岳阳市公交一路青年班组', unitId: 'u3', unitName: '城区公交站',
    status: 'active', mustChangePassword: false, recoveryEmailMasked: null, wechatBound: true, lockedUntil: null, createdAt: '2018-11-20T02:00:00.000Z',
    ...overrides,
  };
}

/** A level-1 admin of 交通. */
export const adminView = (overrides: Partial<AccountFixture> = {}): AccountFixture =>
  accountView({ id: 'acc-9', code: 'GL7K4MPQ', role: 'admin', level: 1, name: '交通行业一级管理员', unitId: 'u1', unitName: '交通', ...overrides });

/** The campaign office (组委会办公室) at the root unit. */
export const officeView = (overrides: Partial<AccountFixture> = {}): AccountFixture =>
  accountView({ id: 'acc-office', code: 'BG7K4MPQ', role: 'office', level: null, name: '团市委青年发展部', unitId: 'root', unitName: '岳阳市青年职工工作委员会', ...overrides });

/** The 2017—2018 city campaign, its filing window open from 2018-11-13 until `closesBefore`. */
export function campaignView(closesBefore = '2019-01-20'): CampaignFixture {
  const [year, month, day] = closesBefore.split('-');
  const lastDay = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day) - 1)).toISOString().slice(0, 10);
  return {
    id: 'camp-1', name: '2017—2018年度岳阳市青年文明号', level: 'city', term: '2017—2018',
    rules: {
      window: { opens: '2018-11-13', closesBefore },
      conditions: { minMembers: 6, maxMembers: 200, minShareUnder35: 0.5, maxLeaderAge: 40 },
      eligibility: { kind: 'none' },
      reminderDaysBefore: 3,
      targetMultiplier: 10,
    },
    windowText: `2018-11-13 至 ${lastDay}（北京时间，${closesBefore} 0时起截止）`, windowState: 'open', version: 1,
  };
}

/** The collective record behind an account. */
export const collectiveView = (account: AccountFixture = accountView()): CollectiveFixture => ({
  id: account.id, name: account.name, formerNames: [], formerCodes: [], code: account.code, unitId: account.unitId, unitName: account.unitName, status: 'active', predecessorId: null, pendingTransfer: null,
});

/** The collective's filing in camp-1, every field filled as the rules ask; a draft unless `overrides` say otherwise. */
export function filingView(overrides: Partial<FilingFixture> = {}): FilingFixture {
  const collective = overrides.collective ?? collectiveView();
  return {
    id: `camp-1:${collective.id}`, campaignId: 'camp-1', campaignName: '2017—2018年度岳阳市青年文明号', collective, unitName: collective.unitName, category: 'industry',
    status: 'draft', statusLabel: '草稿', stage: null, stageUnitId: null, stageUnitName: null, stageHasAdmin: null, content: completeContent(), checks: [], opinions: [], history: [],
    feedback: null, possibleDuplicates: [], revocation: null, submittedAt: null, updatedAt: '2018-12-01T02:00:00.000Z', version: 3,
    ...overrides,
  };
}

/** A submitted creation-log entry of the collective as a list shows it: a volunteer day with two images. */
export function entryCardView(overrides: Partial<EntryCardFixture> = {}): EntryCardFixture {
  return {
    id: 'e1', status: 'submitted', title: '公交一路青年志愿服务日', category: 'volunteer', categoryLabel: '志愿服务', workDate: '2018-11-18', collectiveName: '岳阳市公交一路青年班组',
    unitName: '城区公交站', excerpt: '班组青年在公交站台开展志愿服务。', imageCount: 2,
    thumbnails: ['cloud://env/creationlog/acc-1/a-320.jpg', 'cloud://env/creationlog/acc-1/b-320.jpg'], videoStatus: null, guidanceCount: 0, correctsId: null,
    submittedAt: '2018-11-20T02:00:00.000Z', updatedAt: '2018-11-20T02:00:00.000Z', publicState: null, unread: false,
    ...overrides,
  };
}

/** The whole entry behind `entryCardView`: its text, its two uploaded images, no guidance yet. */
export function entryView(overrides: Partial<EntryFixture> = {}): EntryFixture {
  return {
    ...entryCardView(),
    text: '班组青年在公交站台开展志愿服务，为乘客指路、帮扶老人上下车，共服务乘客三百余人次。',
    images: ['cloud://env/creationlog/acc-1/a.png', 'cloud://env/creationlog/acc-1/b.png'], video: null,
    eventId: null, eventTitle: null, correctsTitle: null, guidance: [], version: 1,
    ...overrides,
  };
}

type RoundFixture = FixtureOf<'management.listAssessments'>['items'][number];

/** The 考评 round of camp-1's term, opened by the office with the notice's eleven items at their default points. */
export function assessmentRoundView(overrides: Partial<RoundFixture> = {}): RoundFixture {
  return {
    id: 'round-1', campaignId: 'camp-1', term: '2017—2018', title: '2017—2018届次管理单位考评', items: ASSESSMENT_ITEMS.map((item) => ({ ...item })),
    status: 'open', scoringStarted: false, createdAt: '2019-02-01T02:00:00.000Z', publishedAt: null,
    ...overrides,
  };
}
