import type { CloudAnswer, OpenedPage } from './support/mini-program';
import { openPage } from './support/mini-program';
import { completeContent } from '../support/filing-content';

const admin = {
  id: 'acc-9', code: 'GL7K4MPQ', role: 'admin', level: 1, name: '交通行业一级管理员', unitId: 'u1', unitName: '交通',
  status: 'active', mustChangePassword: false, recoveryEmailMasked: null, wechatBound: true, lockedUntil: null, createdAt: '2018-11-20T02:00:00.000Z',
};
const collective = { id: 'acc-1', name: '岳阳市公交一路青年班组', formerNames: [], formerCodes: [], code: 'JT7K4MPQ', unitId: 'u3', unitName: '城区公交站', status: 'active', predecessorId: null };
/** A filing the level-1 admin decides: passed up by levels 3 and 2. */
const filing = {
  id: 'camp-1:acc-1', campaignId: 'camp-1', campaignName: '2017—2018年度岳阳市青年文明号', collective, unitName: '城区公交站', category: 'industry',
  status: 'reviewing', statusLabel: '初审通过，待上级审核', stage: 1, stageUnitName: '交通', content: completeContent(), checks: [], opinions: [], history: [],
  feedback: null, possibleDuplicates: [], revocation: null, submittedAt: '2018-12-01T02:00:00.000Z', updatedAt: '2018-12-02T02:00:00.000Z', version: 5,
};

const answer: CloudAnswer = (call) => {
  const key = `${call.name}.${call.data.action}`;
  if (key === 'account.me') return { ok: true, data: { account: admin } };
  if (key === 'review.getFiling') return { ok: true, data: { filing, canDecide: ['approve', 'return'] } };
  if (key === 'review.decide') return { ok: false, error: { code: 'CONFLICT', message: '该报备已被他人处理，请刷新后查看' } };
  return { ok: false, error: { code: 'INTERNAL', message: `no fake answer for ${key}` } };
};

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
