import type { z } from 'zod';
import { contract } from '../../shared/contract';
import { campaignRulesInput } from '../../shared/contract/campaign';
import { filingStrictContent } from '../../shared/contract/filing-content';
import { eventInput } from '../../shared/contract/openweek';
import { completeContent } from '../support/filing';

const valid = {
  type: 'siteVisit',
  title: '公交调度中心开放日',
  description: '走进公交调度中心。',
  startAt: '2026-05-04T01:00:00.000Z',
  endAt: '2026-05-04T03:00:00.000Z',
  address: '岳阳市公交调度中心',
  capacity: 5,
  signupOpensAt: '2026-05-01T00:00:00.000Z',
  signupClosesAt: '2026-05-03T00:00:00.000Z',
  cancelHoursBefore: 24,
  campaignId: 'c1',
};

/** Every message a submit of `input` shows, by field. */
const messagesOf = (schema: z.ZodType) => (input: Record<string, unknown>) => {
  const result = schema.safeParse(input);
  // The first message of each field, as the router and the form show it.
  return result.success ? {} : Object.fromEntries(result.error.issues.reverse().map((i) => [i.path.join('.'), i.message]));
};
const messages = messagesOf(eventInput);

describe('the event form', () => {
  test('one submit names every problem at once: a missing title, an end before the start and a lone latitude', () => {
    expect(messages({ ...valid, title: '', endAt: '2026-05-04T00:00:00.000Z', lat: 29.37 })).toEqual({
      title: '活动名称：请填写',
      endAt: '结束时间：须晚于开始时间',
      lng: '经度：请与纬度一起填写，或都不填',
    });
  });

  test('a map point is both coordinates or neither', () => {
    expect(messages({ ...valid, lng: 113.12 })).toEqual({ lat: '纬度：请与经度一起填写，或都不填' });
    expect(messages({ ...valid, lat: 29.37, lng: 113.12 })).toEqual({});
    expect(messages(valid)).toEqual({});
  });

  test('a time that is not one is reported alone, without a comparison built on it', () => {
    expect(messages({ ...valid, startAt: 'soon' })).toEqual({ startAt: expect.stringContaining('开始时间') });
  });
});

describe('the filing form’s counts', () => {
  const filingMessages = messagesOf(filingStrictContent);

  test('a count larger than the one it belongs to is named in the same submit as an empty field', () => {
    expect(filingMessages({ ...completeContent(), goals: '', membersUnder35: '11' })).toEqual({
      goals: expect.stringContaining('创建目标'),
      membersUnder35: expect.stringContaining('不能多于40周岁以下成员人数'),
    });
  });

  test('counts in order pass', () => {
    expect(filingMessages(completeContent())).toEqual({});
  });
});

describe('the campaign rules form', () => {
  const rules = { filingOpens: '2018-11-13', filingClosesBefore: '2019-01-20', minMembers: 6, maxMembers: 200, minShareUnder35: 0.5, maxLeaderAge: 40, eligibility: 'none' };
  const ruleMessages = messagesOf(campaignRulesInput);

  test('a window that closes before it opens, fewer maximum than minimum members and a bad age are named together', () => {
    expect(ruleMessages({ ...rules, filingClosesBefore: '2018-11-01', maxMembers: 5, maxLeaderAge: 10 })).toEqual({
      filingClosesBefore: expect.stringContaining('须晚于开始日期'),
      maxMembers: expect.stringContaining('不能少于最少成员人数'),
      maxLeaderAge: expect.stringContaining('负责人最高年龄'),
    });
  });

  test('judging by prior titles needs the cutoff date and the provincial year', () => {
    expect(ruleMessages({ ...rules, eligibility: 'priorTitle' })).toEqual({
      titleBefore: expect.stringContaining('必填'),
      provincialSinceYear: expect.stringContaining('必填'),
    });
    expect(ruleMessages(rules)).toEqual({});
  });
});

describe('a form whose nested part is missing', () => {
  test.each([undefined, null, 'rules', 42])('campaign rules given as %p are named as the field, and no check across its fields runs', (rules) => {
    expect(messagesOf(contract.campaign.createCampaign.input)({ name: '2019—2020年度岳阳市青年文明号', level: 'city', term: '2019—2020', rules })).toEqual({
      rules: expect.any(String),
    });
  });

  test('an event given as something other than an object is refused without a comparison of its times', () => {
    expect(eventInput.safeParse(null).success).toBe(false);
    expect(filingStrictContent.safeParse('content').success).toBe(false);
  });
});
