import type { Envelope } from '../../shared/envelope';
import { fakeCloud, type FixtureOf } from './support/cloud';
import { openPage, type OpenedPage } from './support/mini-program';

const REFUSED = '查访情况：含有不宜公开的信息，请修改后再提交';
const SEEN = '上午十点到站，窗口仅开一个，等候二十分钟，工作人员未佩戴工牌。';

const supervision: FixtureOf<'evaluation.mySupervision'> = {
  roles: [{ id: 'sv-1', unitName: '岳阳市交通运输局', since: '2018-11-20T02:00:00.000Z' }],
  target: { supervisorId: 'sv-1', collective: { code: 'k7m2p9qrst', name: '岳阳市公交一路青年班组' }, tags: ['服务态度', '办事效率'] },
};

/** The first report is refused by content security, the second (text changed) accepted. */
const answer = fakeCloud({
  'evaluation.mySupervision': supervision,
  'evaluation.fileReport': (call): Envelope<FixtureOf<'evaluation.fileReport'>> => {
    const input = call.data.data as { text: string; rating: number; tags: string[]; visitDate: string };
    if (input.text.includes('刻章')) return { ok: false, error: { code: 'CONTENT_REJECTED', message: REFUSED, fields: { text: REFUSED } } };
    return {
      ok: true,
      data: {
        report: {
          id: 'rp-1', collective: supervision.target!.collective, visitDate: input.visitDate, rating: input.rating, ratingLabel: '不满意', tags: input.tags, text: input.text,
          photos: [], status: 'pending', statusLabel: '待管理单位处理', createdAt: '2018-11-23T03:00:00.000Z', decision: null,
        },
      },
    };
  },
});

const reports = (page: OpenedPage) => page.cloud.calls.filter((c) => c.name === 'evaluation' && c.data.action === 'fileReport');

/** 明察暗访 in the real weapp build, opened from a collective's 三亮 page (`?code=`) by a supervisor in scope. */
describe('the mini-program 明察暗访 report form', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage('events/report', { query: { code: 'k7m2p9qrst' }, answer });
  });

  test('names the collective and offers the visit date, five levels and the campaign’s tags', async () => {
    await page.waitFor('.rating-choice');
    expect(page.texts('.report-collective')).toEqual(['岳阳市公交一路青年班组']);
    expect(page.texts('.rating-choice')).toEqual(['○非常满意', '○满意', '○基本满意', '○不满意', '○非常不满意']);
    expect(page.texts('.tag-choice')).toEqual(['服务态度', '办事效率']);
    expect(page.findAll('.btn-add-photos')).toHaveLength(1);
  });

  test('without a level or a text nothing is sent and the page says what is missing', async () => {
    await page.tap('.btn-submit-report');
    await page.waitFor('.field-error--text');
    expect(page.texts('.field-error--text')).toEqual(['请填写']);
    expect(page.texts('.form-error')).toEqual(['满意程度：请选择']);
    expect(reports(page)).toHaveLength(0);
  });

  test('a text refused by content security shows the reason at the field and keeps it; changed, the report goes to the unit', async () => {
    await page.tap('.rating-choice--2');
    await page.waitFor('.rating-choice--on');
    await page.tap('.tag-choice');
    await page.waitFor('.tag-choice--on');
    await page.type('.field-text', `${SEEN}办证刻章`);
    await page.tap('.btn-submit-report');
    // The missing-text message of the step before gives way to the refusal.
    await page.waitUntil(() => page.texts('.field-error--text').join() === '含有不宜公开的信息，请修改后再提交', 'the refusal at the text');
    expect(page.valueOf('.field-text')).toBe(`${SEEN}办证刻章`);
    expect(reports(page)[0].data.data).toMatchObject({ supervisorId: 'sv-1', code: 'k7m2p9qrst', rating: 2, tags: ['服务态度'], text: `${SEEN}办证刻章`, photos: [] });

    await page.type('.field-text', SEEN);
    await page.tap('.btn-submit-report');
    await page.waitFor('.result-title');
    expect(page.texts('.result-title')).toEqual(['报告已提交管理单位']);
    expect(reports(page)).toHaveLength(2);
  });
});
