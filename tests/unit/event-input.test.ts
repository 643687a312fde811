import { eventInput } from '../../shared/contract/openweek';

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

const messages = (input: Record<string, unknown>) => {
  const result = eventInput.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('the event form’s rules', () => {
  test('one submit names every problem at once: a missing title, an end before the start and a lone latitude', () => {
    expect(messages({ ...valid, title: '', endAt: '2026-05-04T00:00:00.000Z', lat: 29.37 })).toEqual({
      title: '活动名称：至少2个字',
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
