import type { CloudAnswer, OpenedPage } from './support/mini-program';
import { openPage } from './support/mini-program';

const account = {
  id: 'acc-1', code: 'JT7K4MPQ', role: 'collective', level: null, name: '岳阳市公交一路青年班组', unitId: 'u3', unitName: '城区公交站',
  status: 'active', mustChangePassword: false, recoveryEmailMasked: null, wechatBound: true, lockedUntil: null, createdAt: '2018-11-20T02:00:00.000Z',
};
/** The collective's saved draft, complete, with two images. */
const draft = {
  id: 'e9', status: 'draft', title: '公交一路青年志愿服务日', category: 'volunteer', workDate: '2018-11-18', collectiveName: account.name, unitName: '城区公交站',
  excerpt: '', imageCount: 2, guidanceCount: 0, correctsId: null, submittedAt: null, updatedAt: '2018-11-20T02:00:00.000Z', unread: false,
  text: '班组青年在公交站台开展志愿服务，为乘客指路、帮扶老人上下车，共服务乘客三百余人次。', images: ['cloud://env/creationlog/acc-1/a.png', 'cloud://env/creationlog/acc-1/b.png'],
  eventId: null, eventTitle: null, correctsTitle: null, guidance: [], version: 3,
};

const answer: CloudAnswer = (call) => {
  const key = `${call.name}.${call.data.action}`;
  const data = call.data.data as { version?: number };
  if (key === 'account.me') return { ok: true, data: { account } };
  if (key === 'creationlog.getMine') return { ok: true, data: { entry: draft } };
  if (key === 'creationlog.saveDraft') return { ok: true, data: { entry: { ...draft, version: (data.version ?? 0) + 1 } } };
  if (key === 'creationlog.submit') return { ok: true, data: { entry: { ...draft, status: 'submitted', submittedAt: '2018-11-20T02:05:00.000Z', version: (data.version ?? 0) + 1 } } };
  return { ok: false, error: { code: 'INTERNAL', message: `no fake answer for ${key}` } };
};

const asked: Array<{ title: string; confirmText: string }> = [];
let answerConfirm = false;
const callsOf = (page: OpenedPage, action: string) => page.cloud.calls.filter((c) => c.name === 'creationlog' && c.data.action === action);

/** The entry form of the real weapp build in miniprogram-simulate, on a saved draft. */
describe('the mini-program creation-log entry form', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    (globalThis as unknown as { wx: Record<string, unknown> }).wx.showModal = (options: typeof asked[number] & { success?: (res: unknown) => void }) => {
      asked.push({ title: options.title, confirmText: options.confirmText });
      options.success?.({ confirm: answerConfirm, cancel: !answerConfirm, errMsg: 'showModal:ok' });
    };
    page = await openPage('collective/creationlog/edit', { query: { id: 'e9' }, answer });
  });

  test('shows the draft: its text, the date on WeChat’s picker, its images and a character count', async () => {
    await page.waitFor('.entry-image');
    expect(page.valueOf('.field-title')).toBe('公交一路青年志愿服务日');
    expect(page.texts('.field-workDate .date-pick--day')).toEqual(['2018-11-18']);
    expect(page.findAll('.entry-image')).toHaveLength(2);
    expect(page.texts('.form-field--images .form-field__label')[0]).toContain('图片（2/9）');
    expect(page.texts('.draft-saved')[0]).toMatch(/^草稿已保存 /);
  });

  test('提交创建日志 asks first; backing out sends nothing', async () => {
    await page.tap('.btn-submit-entry');
    await page.waitUntil(() => asked.length === 1, 'the confirm dialog');
    expect(asked[0]).toEqual({ title: '确认提交创建日志？', confirmText: '提交' });
    expect(callsOf(page, 'submit')).toHaveLength(0);
  });

  test('confirmed, the last typing is saved, then the entry is submitted on the version that save answered', async () => {
    answerConfirm = true;
    await page.type('.field-title', '公交一路青年志愿服务日（第二期）');
    await page.tap('.btn-submit-entry');
    await page.waitUntil(() => callsOf(page, 'submit').length === 1, 'the submit');
    const saves = callsOf(page, 'saveDraft');
    expect(saves[saves.length - 1].data.data).toMatchObject({ entryId: 'e9', version: 3, content: { title: '公交一路青年志愿服务日（第二期）', workDate: '2018-11-18', category: 'volunteer' } });
    expect(callsOf(page, 'submit')[0].data.data).toEqual({ entryId: 'e9', version: 4 });
  });
});
