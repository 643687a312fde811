import type { CloudAnswer, OpenedPage } from './support/mini-program';
import { openPage } from './support/mini-program';

const account = {
  id: 'acc-1', code: 'JT7K4MPQ', role: 'collective', level: null, name: '岳阳市公交一路青年班组', unitId: 'u3', unitName: '城区公交站',
  status: 'active', mustChangePassword: false, recoveryEmailMasked: null, wechatBound: true, lockedUntil: null, createdAt: '2018-11-20T02:00:00.000Z',
};
const campaign = {
  id: 'camp-1', name: '2017—2018年度岳阳市青年文明号', level: 'city', term: '2017—2018',
  rules: {
    window: { opens: '2018-11-13', closesBefore: '2019-01-20' },
    conditions: { minMembers: 6, maxMembers: 200, minShareUnder35: 0.5, maxLeaderAge: 40 },
    eligibility: { kind: 'none' },
    reminderDaysBefore: 3,
  },
  windowText: '2018-11-13 至 2019-01-19（北京时间，2019-01-20 0时起截止）', windowState: 'open', version: 1,
};
const collective = { id: 'acc-1', name: account.name, formerNames: [], formerCodes: [], code: account.code, unitId: 'u3', unitName: '城区公交站', status: 'active', predecessorId: null };

/** A signed-in collective with no filing yet; the cloud refuses the submit, naming three fields. */
const answer: CloudAnswer = (call) => {
  const key = `${call.name}.${call.data.action}`;
  if (key === 'account.me') return { ok: true, data: { account } };
  if (key === 'filing.getMine') return { ok: true, data: { campaign, collective, filing: null } };
  if (key === 'filing.submit') {
    return {
      ok: false,
      error: {
        code: 'FILING_INCOMPLETE',
        message: '报备信息不完整或不符合条件，请按提示逐项修改',
        fields: { leaderName: '负责人：不能为空', postcode: '邮编：请填写6位数字', achievements: '先进事迹：至少100个字' },
      },
    };
  }
  return { ok: false, error: { code: 'INTERNAL', message: `no fake answer for ${key}` } };
};

/** The filing form of the real weapp build in miniprogram-simulate; one page load for the file. */
describe('the mini-program filing form', () => {
  let page: OpenedPage;

  beforeAll(async () => {
    page = await openPage('collective/filing/index', { answer });
  });

  test('renders the profile, plan and achievements with the campaign window and a live character count', async () => {
    await page.waitFor('.btn-submit');
    expect(page.texts('.campaign-name')).toEqual(['2017—2018年度岳阳市青年文明号']);
    expect(page.texts('.section__title')).toEqual(expect.arrayContaining(['集体档案', '创建计划', '先进事迹']));
    expect(page.findAll('.field-leaderName .nut-input-native')).toHaveLength(1);
    expect(page.findAll('.field-postcode .nut-input-native')).toHaveLength(1);
    expect(page.texts('.achievements-count')).toEqual(['已写 0 字（建议2000字左右，最多3000字）']);
    expect(page.valueOf('.field-name')).toBe('岳阳市公交一路青年班组');
  });

  test('a refused submit shows each field error at its field and keeps what was typed', async () => {
    await page.type('.field-phone', '0730-8889464');
    await page.tap('.btn-submit');
    await page.waitUntil(() => page.findAll('.field-error').length === 3, 'three field errors');
    expect(page.texts('.field-error--leaderName')).toEqual(['负责人：不能为空']);
    expect(page.texts('.field-error--postcode')).toEqual(['邮编：请填写6位数字']);
    expect(page.texts('.field-error--achievements')).toEqual(['先进事迹：至少100个字']);
    expect(page.texts('.form-error')).toEqual(['还有 3 处需要修改，已在各项下方标出；填写的内容都已保留']);
    expect(page.valueOf('.field-phone')).toBe('0730-8889464');
    const submitted = page.cloud.calls.filter((c) => c.name === 'filing' && c.data.action === 'submit');
    expect(submitted).toHaveLength(1);
    expect(submitted[0].data.data).toMatchObject({ campaignId: 'camp-1', content: { phone: '0730-8889464', name: '岳阳市公交一路青年班组' } });
  });
});
