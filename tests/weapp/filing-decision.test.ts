import { fakeCloud } from './support/cloud';
import { adminView, filingView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';

/** A filing the level-1 admin decides: passed up by levels 3 and 2. */
const filing = filingView({
  status: 'reviewing', statusLabel: '初审通过，待上级审核', stage: 1, stageUnitId: 'u1', stageUnitName: '交通', stageHasAdmin: true,
  submittedAt: '2018-12-01T02:00:00.000Z', updatedAt: '2018-12-02T02:00:00.000Z', version: 5,
});

const answer = fakeCloud({
  'account.me': { account: adminView() },
  'review.getFiling': { filing, canDecide: ['approve', 'return'] },
  'review.decide': () => ({ ok: false, error: { code: 'CONFLICT', message: '该报备已被他人处理，请刷新后查看' } }),
});

/** What the page asked WeChat's modal, and what the user answers next. */
const asked: Array<{ title: string; confirmText: string }> = [];
let answerConfirm = false;
const decisions = (page: OpenedPage) => page.cloud.calls.filter((c) => c.name === 'review' && c.data.action === 'decide');

/** A reviewer's decision in the mini-program: not made for them, and 通过 asked again before it is recorded. */
describe('the mini-program review decision', () => {
  let page: OpenedPage;

  beforeAll(async () => {
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.showModal = (options: { title: string; confirmText: string; success?: (res: unknown) => void }) => {
      asked.push({ title: options.title, confirmText: options.confirmText });
      options.success?.({ confirm: answerConfirm, cancel: !answerConfirm, errMsg: 'showModal:ok' });
    };
    page = await openPage('admin/filings/detail', { answer, query: { id: filing.id } });
  });

  test('the decision comes after the material, with nothing picked', async () => {
    await page.waitFor('.btn-decide');
    expect(page.findAll('.choice-decision .nut-radio-button-active')).toHaveLength(0);
    const sections = page.texts('.section__title');
    expect(sections.indexOf('审核')).toBeGreaterThan(sections.indexOf('先进事迹'));
  });

  test('submitted without a pick, it asks for one and records nothing', async () => {
    await page.tap('.btn-decide');
    await page.waitUntil(() => page.texts('.field-error--decision').length === 1, 'the decision error');
    expect(page.texts('.field-error--decision')).toEqual(['请选择']);
    expect(page.texts('.field-error--comment')).toEqual(['请填写']);
    expect(asked).toHaveLength(0);
    expect(decisions(page)).toHaveLength(0);
  });

  test('通过 is asked again; backing out records nothing, confirming sends the decision', async () => {
    await page.tap('.choice-option--approve');
    await page.type('.field-comment', '同意列为创建集体');
    // The page has drawn both: the picked decision names the submit, and the comment is counted.
    await page.waitUntil(() => page.texts('.btn-decide')[0] === '提交：通过（创建集体）' && page.texts('.count-comment')[0] === '8/500', 'the pick and the comment drawn');
    answerConfirm = false;
    await page.tap('.btn-decide');
    await page.waitUntil(() => asked.length === 1, 'the confirm dialog');
    expect(asked[0]).toEqual({ title: '确认通过？', confirmText: '通过' });
    expect(decisions(page)).toHaveLength(0);

    answerConfirm = true;
    await page.tap('.btn-decide');
    await page.waitUntil(() => decisions(page).length === 1, 'review.decide');
    expect(decisions(page)[0].data.data).toEqual({ filingId: filing.id, version: 5, decision: 'approve', comment: '同意列为创建集体' });
  });
});
