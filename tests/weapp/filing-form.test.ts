import { fakeCloud } from './support/cloud';
import { accountView, campaignView, collectiveView, filingView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';

/** The collective's saved draft: every field filled as the rules ask. */
const draft = filingView();

/** A signed-in collective with a complete draft; the cloud refuses the submit on a rule only it can check. */
const answer = fakeCloud({
  'account.me': { account: accountView() },
  'filing.getMine': { campaign: campaignView(), collective: collectiveView(), filing: draft },
  'filing.submit': () => ({
    ok: false,
    error: { code: 'FILING_INCOMPLETE', message: '报备信息不完整或不符合条件，请按提示逐项修改', fields: { name: '规范名称：与已创建集体重名' } },
  }),
});

/** What the page asked WeChat's modal (wx.showModal), and what the user answers next. */
const asked: Array<{ title: string; content: string; confirmText: string; cancelText: string }> = [];
let answerConfirm = false;

const submits = (page: OpenedPage) => page.cloud.calls.filter((c) => c.name === 'filing' && c.data.action === 'submit');

/** The filing form of the real weapp build in miniprogram-simulate; one page load for the file. */
describe('the mini-program filing form', () => {
  let page: OpenedPage;

  beforeAll(async () => {
    // WeChat's modal, stubbed at the platform boundary: Taro binds wx APIs when its runtime loads.
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.showModal = (options: typeof asked[number] & { success?: (res: unknown) => void }) => {
      asked.push({ title: options.title, content: options.content, confirmText: options.confirmText, cancelText: options.cancelText });
      options.success?.({ confirm: answerConfirm, cancel: !answerConfirm, errMsg: 'showModal:ok' });
    };
    page = await openPage('collective/filing/index', { answer });
  });

  test('renders the profile, plan and achievements with the campaign window, units beside numbers and a character count', async () => {
    await page.waitFor('.btn-submit');
    expect(page.texts('.campaign-name')).toEqual(['2017—2018年度岳阳市青年文明号']);
    expect(page.texts('.section__title')).toEqual(expect.arrayContaining(['集体档案', '创建计划', '先进事迹']));
    expect(page.valueOf('.field-name')).toBe('岳阳市公交一路青年班组');
    expect(page.texts('.form-field--memberCount .form-field__unit')).toEqual(['人']);
    expect(page.texts('.form-field--leaderAge .form-field__unit')).toEqual(['岁']);
    expect(page.texts('.count-achievements')).toEqual([`${[...(draft.content.achievements ?? '')].length}/3000`]);
    // 成立时间 is picked on WeChat's date picker, not typed.
    expect(page.texts('.field-foundedOn .date-pick--day')).toEqual(['2010-05-04']);
  });

  test('提交报备 asks first; backing out of the dialog sends nothing', async () => {
    answerConfirm = false;
    await page.tap('.btn-submit');
    await page.waitUntil(() => asked.length === 1, 'the confirm dialog');
    expect(asked[0]).toMatchObject({ title: '确认提交报备？', confirmText: '提交', cancelText: '取消' });
    expect(submits(page)).toHaveLength(0);
  });

  test('confirmed, it submits; a refusal shows at its field and keeps what was typed', async () => {
    answerConfirm = true;
    await page.type('.field-phone', '0730-8889464');
    await page.tap('.btn-submit');
    await page.waitUntil(() => page.findAll('.field-error').length === 1, 'the field error');
    expect(asked).toHaveLength(2);
    expect(page.texts('.field-error--name')).toEqual(['与已创建集体重名']);
    expect(page.texts('.form-error')).toEqual(['还有 1 处需要修改，已在各项下方标出；填写的内容都已保留']);
    expect(page.valueOf('.field-phone')).toBe('0730-8889464');
    expect(submits(page)).toHaveLength(1);
    expect(submits(page)[0].data.data).toMatchObject({ campaignId: 'camp-1', content: { phone: '0730-8889464', name: '岳阳市公交一路青年班组' } });
  });

  test('a field left empty is flagged before anything is asked or sent', async () => {
    await page.type('.field-leaderName', '');
    await page.tap('.btn-submit');
    await page.waitUntil(() => page.texts('.field-error--leaderName').length === 1, 'the 负责人 error');
    expect(page.texts('.field-error--leaderName')).toEqual(['请填写']);
    expect(asked).toHaveLength(2);
    expect(submits(page)).toHaveLength(1);
  });
});
