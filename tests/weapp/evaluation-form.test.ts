import type { Envelope } from '../../shared/envelope';
import { fakeCloud, type FixtureOf } from './support/cloud';
import { openPage, type OpenedPage } from './support/mini-program';

const REFUSED = '评价内容：含有不宜公开的信息，请修改后再提交';

const form: FixtureOf<'evaluation.evaluationForm'> = {
  collective: { code: 'k7m2p9qrst', name: '岳阳市公交一路青年班组' },
  channel: 'perService',
  eventTitle: '公交调度中心开放日',
  tags: ['服务态度', '办事效率'],
  existing: null,
};

/** The first evaluate is refused by content security, the second (comment changed) accepted. */
const answer = fakeCloud({
  'evaluation.evaluationForm': form,
  'evaluation.evaluate': (call): Envelope<FixtureOf<'evaluation.evaluate'>> => {
    const input = call.data.data as { comment?: string; rating: number; tags: string[] };
    if (input.comment?.includes('刻章')) return { ok: false, error: { code: 'CONTENT_REJECTED', message: REFUSED, fields: { comment: REFUSED } } };
    return {
      ok: true,
      data: {
        replaced: false,
        evaluation: {
          id: 'ev-1', rating: input.rating, ratingLabel: '不满意', tags: input.tags, comment: input.comment ?? null, channel: 'perService', source: 'wechat', changed: false, excluded: null,
          at: '2018-11-23T03:00:00.000Z', collective: form.collective, commentState: 'shown', held: false, eventTitle: form.eventTitle, month: null, reply: null,
        },
      },
    };
  },
});

const evaluations = (page: OpenedPage) => page.cloud.calls.filter((c) => c.name === 'evaluation' && c.data.action === 'evaluate');

/** 一次一评 in the real weapp build, opened from 报名 for a checked-in signup (`?signup=`). */
describe('the mini-program evaluation form', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage('events/evaluate', { query: { signup: 'sg-1' }, answer });
  });

  test('names the collective and the event, and offers five levels and the campaign’s tags', async () => {
    await page.waitFor('.rating-choice');
    expect(page.texts('.evaluation-collective')).toEqual(['岳阳市公交一路青年班组']);
    expect(page.texts('.evaluation-channel')).toEqual(['一次一评：公交调度中心开放日']);
    expect(page.texts('.rating-choice')).toEqual(['○非常满意', '○满意', '○基本满意', '○不满意', '○非常不满意']);
    expect(page.texts('.tag-choice')).toEqual(['服务态度', '办事效率']);
  });

  test('without a level nothing is sent and the page says to pick one', async () => {
    await page.tap('.btn-submit-evaluation');
    await page.waitFor('.form-error');
    expect(page.texts('.form-error')).toEqual(['满意程度：请选择']);
    expect(evaluations(page)).toHaveLength(0);
  });

  test('a comment refused by content security shows the reason at the field and keeps the text; changed, it is accepted', async () => {
    await page.tap('.rating-choice--2');
    await page.waitFor('.rating-choice--on');
    expect(page.texts('.rating-choice--on')).toEqual(['●不满意']);
    await page.tap('.tag-choice');
    await page.waitFor('.tag-choice--on');
    await page.type('.field-comment', '等候太久，像办证刻章一样慢');
    await page.tap('.btn-submit-evaluation');
    await page.waitFor('.field-error--comment');
    expect(page.texts('.field-error--comment')).toEqual(['含有不宜公开的信息，请修改后再提交']);
    expect(page.valueOf('.field-comment')).toBe('等候太久，像办证刻章一样慢');
    expect(evaluations(page)[0].data.data).toEqual({ signupId: 'sg-1', rating: 2, tags: ['服务态度'], photos: [], comment: '等候太久，像办证刻章一样慢' });

    await page.type('.field-comment', '等候太久，希望增加窗口');
    await page.tap('.btn-submit-evaluation');
    await page.waitFor('.result-title');
    expect(page.texts('.result-title')).toEqual(['感谢你的评价']);
    expect(page.texts('.evaluation-comment')).toEqual(['等候太久，希望增加窗口']);
  });
});
