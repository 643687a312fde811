import type { Page } from 'playwright-core';
import { answerDialog, expectTexts, field, open, screen, signedInHome, submitSignIn, textOf, UI_TIMEOUT_MS, useBrowser } from './support/h5';
import { completeContent } from '../support/filing';
import { activateAccount, callApi } from './support/api';

const session = useBrowser();
const PASSWORD = 'Filing2025pass';

const api = <T>(fn: string, action: string, data: unknown, token?: string): Promise<T> => callApi<T>(session.running.host.url, fn, action, data, token);
/** Signs in with a one-time password and sets PASSWORD; answers a session token. */
const activate = (code: string, oneTimePassword: string): Promise<string> => activateAccount(session.running.host.url, code, oneTimePassword, PASSWORD);

async function issue(token: string, unitId: string, role: 'admin' | 'collective', name: string): Promise<string> {
  const issued = await api<{ account: { code: string }; oneTimePassword: string }>('admin', 'createAccount', { unitId, role, name }, token);
  await activate(issued.account.code, issued.oneTimePassword);
  return issued.account.code;
}

async function signedIn(code: string): Promise<Page> {
  const page = await session.newUser();
  await open(page, session.running.host.url, '/pages/auth/sign-in');
  await submitSignIn(page, code, PASSWORD);
  await signedInHome(page).waitFor();
  return page;
}

/** Polls `read` until `ok` holds; fails naming what it waited for and what it last saw. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, 50));
    value = await read();
  }
  if (!ok(value)) throw new Error(`waited for ${what}; last saw ${JSON.stringify(value)}`);
}

const textarea = (scope: ReturnType<typeof screen>, name: string) => scope.locator(`.field-${name} textarea`);

const COLLECTIVE = '岳阳市公交一路青年班组';
const codes = { office: '', admin1: '', admin2: '', admin3: '', collective: '' };

beforeAll(async () => {
  const office = await activate(session.running.office.code, session.running.office.oneTimePassword);
  codes.office = session.running.office.code;
  const roots = await api<{ items: Array<{ id: string; name: string }> }>('admin', 'listUnits', { limit: 50 }, office);
  const transport = roots.items.find((u) => u.name.replace(/\s/g, '') === '交通');
  if (!transport) throw new Error('the demo has no 交通 unit');
  codes.admin1 = await issue(office, transport.id, 'admin', '交通行业一级管理员');
  const admin1 = (await api<{ token: string }>('account', 'signIn', { code: codes.admin1, password: PASSWORD })).token;
  const bureau = (await api<{ unit: { id: string } }>('admin', 'createUnit', { parentId: transport.id, name: '岳阳市交通运输局' }, admin1)).unit;
  const station = (await api<{ unit: { id: string } }>('admin', 'createUnit', { parentId: bureau.id, name: '城区公交站' }, admin1)).unit;
  codes.admin2 = await issue(admin1, bureau.id, 'admin', '交通运输局二级管理员');
  codes.admin3 = await issue(admin1, station.id, 'admin', '公交站三级管理员');
  codes.collective = await issue(admin1, station.id, 'collective', COLLECTIVE);
});


/** What each decision's confirm dialog asks, and its confirm button. */
const CONFIRMS = { passUp: ['确认报上级？', '报上级'], approve: ['确认通过？', '通过'], return: ['确认退回？', '退回'] } as const;

/** An admin opens the filing from the queue and records a decision, confirming it in the dialog. */
async function decide(code: string, decision: 'passUp' | 'approve' | 'return', comment: string, expectedStatus: string): Promise<void> {
  const page = await signedIn(code);
  await screen(page, 'mine').locator('.entry-filings').click();
  const queue = screen(page, 'queue');
  await queue.locator('.filing-item', { hasText: COLLECTIVE }).first().click();
  const detail = screen(page, 'filing-detail');
  await detail.locator('.decision-form').waitFor();
  await detail.locator(`.choice-decision .choice-option--${decision}`).click();
  await textarea(detail, 'comment').fill(comment);
  await detail.locator('.btn-decide').click();
  const [question, answer] = CONFIRMS[decision];
  await answerDialog(page, question, answer);
  await expectTexts(detail.locator('.filing-status'), [expectedStatus]);
  await page.context().close();
}

describe('filing and review, in the browser', () => {
  let collective: Page;

  test('the collective fills the form, sees a missing field flagged before anything is sent, confirms and submits', async () => {
    collective = await signedIn(codes.collective);
    await screen(collective, 'mine').locator('.entry-filing').click();
    const form = screen(collective, 'filing-form');
    const content = completeContent();
    for (const name of ['leaderPosition', 'leaderAge', 'memberCount', 'averageAge', 'membersUnder35', 'membersUnder40', 'totalStaff', 'foundedOn', 'phone', 'wechatId', 'address', 'postcode', 'recoveryEmail'] as const) {
      await field(form, name).fill(content[name] ?? '');
    }
    await form.locator('.choice-nonPublic .choice-option--no').click();
    for (const name of ['goals', 'measures', 'schedule', 'achievements'] as const) await textarea(form, name).fill(content[name] ?? '');
    await expectTexts(form.locator('.count-achievements'), [`${[...(content.achievements ?? '')].length}/3000`]);

    // Closing and reopening keeps what was typed (the device copy and the server draft).
    await until(() => form.locator('.save-state').innerText(), (text) => text.includes('草稿已保存'), '草稿已保存');
    await collective.reload();
    const reopened = screen(collective, 'filing-form');
    await until(() => textarea(reopened, 'achievements').inputValue(), (text) => text === content.achievements, 'the achievements typed before the reload');

    await reopened.locator('.btn-submit').click();
    await expectTexts(reopened.locator('.field-error--leaderName'), ['请填写']);
    expect(await textarea(reopened, 'achievements').inputValue()).toBe(content.achievements);
    expect(await field(reopened, 'memberCount').inputValue()).toBe('12');
    // The page brings the flagged field into view.
    await until(() => reopened.locator('#form-field-leaderName').evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }), (inView) => inView, 'the 负责人 row in view');

    await field(reopened, 'leaderName').fill('李明');
    await reopened.locator('.btn-submit').click();
    await answerDialog(collective, '确认提交报备？', '提交');
    const status = screen(collective, 'filing-status-page');
    await expectTexts(status.locator('.filing-status'), ['已报备，待初审']);
  });

  test('level 3 and level 2 pass it up; level 1 returns it with written feedback', async () => {
    await decide(codes.admin3, 'passUp', '情况属实，同意报送', '初审通过，待上级审核');
    await decide(codes.admin2, 'passUp', '同意', '初审通过，待上级审核');
    await decide(codes.admin1, 'return', '请补充创建计划的进度安排', '已退回');
  });

  test('the collective sees the feedback, fixes the plan and resubmits', async () => {
    await open(collective, session.running.host.url, '/collective/filing/status');
    const status = screen(collective, 'filing-status-page');
    await expectTexts(status.locator('.filing-feedback'), ['退回意见：请补充创建计划的进度安排']);
    await status.locator('.btn-edit-filing').click();
    const form = screen(collective, 'filing-form');
    await expectTexts(form.locator('.filing-feedback'), ['退回意见：请补充创建计划的进度安排']);
    await textarea(form, 'schedule').fill('一季度培训，二季度开放周，三季度自评互评，四季度总结。');
    await form.locator('.btn-submit').click();
    await answerDialog(collective, '确认重新提交？', '提交');
    await expectTexts(screen(collective, 'filing-status-page').locator('.filing-status'), ['已报备，待初审']);
  });

  test('after a second round level 1 approves, and the collective is a creating collective', async () => {
    await decide(codes.admin3, 'passUp', '已补充，同意报送', '初审通过，待上级审核');
    await decide(codes.admin2, 'passUp', '同意', '初审通过，待上级审核');
    await decide(codes.admin1, 'approve', '同意列为创建集体', '已通过，为创建集体');
    await open(collective, session.running.host.url, '/collective/filing/status');
    await expectTexts(screen(collective, 'filing-status-page').locator('.filing-status'), ['已通过，为创建集体']);
  });

  test('the office opens the application form with the recorded opinions and exports it', async () => {
    const office = await signedIn(codes.office);
    await screen(office, 'mine').locator('.entry-filings').click();
    await screen(office, 'queue').locator('.filing-item', { hasText: COLLECTIVE }).first().click();
    const detail = screen(office, 'filing-detail');
    await detail.locator('.choice-decision .choice-option--endorse').click();
    await textarea(detail, 'comment').fill('同意');
    await detail.locator('.btn-decide').click();
    await answerDialog(office, '确认记录意见？', '记录');
    await expectTexts(detail.locator('.opinion__box'), ['主管单位意见', '主管单位意见', '行业创建办或团委意见', '主管单位意见', '主管单位意见', '行业创建办或团委意见', '市青工委意见']);
    await detail.locator('.btn-application-form').click();
    const form = screen(office, 'application-form');
    expect(await textOf(form.locator('.af-name'))).toBe(COLLECTIVE);
    expect(await textOf(form.locator('.af-opinion--branch'))).toContain('同意列为创建集体');
    expect(await textOf(form.locator('.af-opinion--office'))).toContain('同意');
    await form.locator('.btn-print').waitFor();
    const pdf = await office.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  test('the office renames the collective: the new name shows, the former one is kept', async () => {
    const office = await signedIn(codes.office);
    await screen(office, 'mine').locator('.entry-filings').click();
    await screen(office, 'queue').locator('.filing-item', { hasText: COLLECTIVE }).first().click();
    const detail = screen(office, 'filing-detail');
    await detail.locator('.choice-lifecycleAction .choice-option--rename').click();
    await field(detail, 'lifecycleName').fill('岳阳市公交集团一路青年班组');
    await textarea(detail, 'lifecycleReason').fill('单位改制更名');
    await detail.locator('.btn-lifecycle').click();
    await expectTexts(detail.locator('.filing-name'), ['岳阳市公交集团一路青年班组']);
    await expectTexts(detail.locator('.former-names'), [COLLECTIVE]);
  });

  test('the office sets the campaign rules; a malformed value is named at its field', async () => {
    const office = await signedIn(codes.office);
    await screen(office, 'mine').locator('.entry-filings').click();
    await screen(office, 'queue').locator('.btn-campaign-rules').click();
    const rules = screen(office, 'campaign-rules');
    await field(rules, 'minMembers').fill('');
    await rules.locator('.btn-save-rules').click();
    await expectTexts(rules.locator('.field-error--minMembers'), ['请填写数字']);
    await field(rules, 'minMembers').fill('8');
    await rules.locator('.btn-save-rules').click();
    await expectTexts(office.locator('.page-toast:visible'), ['规则已保存']);
    // 截止日期 is the last day of the window the header shows, and saving does not move it.
    const lastDay = await field(rules, 'filingClosesBefore').inputValue();
    expect(await textOf(rules.locator('.page-intro'))).toContain(`至 ${lastDay}（`);
  });

  test('the office opens the next term from the same rules; a malformed term is named at its field', async () => {
    const office = await signedIn(codes.office);
    await screen(office, 'mine').locator('.entry-filings').click();
    await screen(office, 'queue').locator('.btn-campaign-rules').click();
    const rules = screen(office, 'campaign-rules');
    await rules.locator('.btn-toggle-new-campaign').click();
    await field(rules, 'name').fill('2019—2020年度岳阳市青年文明号');
    await field(rules, 'term').fill('2019-2020');
    await rules.locator('.btn-save-rules').click();
    await expectTexts(rules.locator('.field-error--term'), ['请按 2017—2018 的格式填写']);
    await field(rules, 'term').fill('2019—2020');
    await rules.locator('.btn-save-rules').click();
    await expectTexts(office.locator('.page-toast:visible'), ['已新建创建工作']);
    expect(await textOf(rules.locator('.page-intro'))).toContain('2019—2020年度岳阳市青年文明号：');
  });
  test('another branch cannot take the collective over: it sends a request, the collective’s branch approves, and the requester takes the new password once', async () => {
    const officeToken = (await api<{ token: string }>('account', 'signIn', { code: codes.office, password: PASSWORD })).token;
    const roots = await api<{ items: Array<{ id: string; name: string }> }>('admin', 'listUnits', { limit: 50 }, officeToken);
    const county = roots.items.find((u) => u.name.replace(/\s/g, '') === '岳阳县');
    if (!county) throw new Error('the demo has no 岳阳县 unit');
    const countyAdmin = await signedIn(await issue(officeToken, county.id, 'admin', '岳阳县一级管理员'));
    await screen(countyAdmin, 'mine').locator('.entry-filings').click();
    await screen(countyAdmin, 'queue').locator('.btn-transfer').click();
    const transfer = screen(countyAdmin, 'transfer');
    await field(transfer, 'code').fill(codes.collective);
    await field(transfer, 'name').fill(COLLECTIVE);
    await textarea(transfer, 'reason').fill('应由地方归口');
    await transfer.locator('.btn-submit').click();
    expect(await textOf(transfer.locator('.notice'))).toContain('请提交转移申请');
    await transfer.locator('.btn-request-transfer').click();
    expect(await textOf(screen(countyAdmin, 'transfer--requested').locator('.result-message'))).toContain('转移申请已提交');

    const branch = await signedIn(codes.admin1);
    await screen(branch, 'mine').locator('.entry-filings').click();
    await screen(branch, 'queue').locator('.btn-transfer-requests').click();
    const incoming = screen(branch, 'transfer-requests').locator('.transfer-request-item', { hasText: '岳阳县' });
    await textarea(incoming, 'comment').fill('同意转出');
    await incoming.locator('.btn-approve-transfer').click();
    await expectTexts(branch.locator('.page-toast:visible'), ['已批准：集体已转入接收单位，原用户名已注销']);
    expect(await branch.locator('.otp-panel').count()).toBe(0);

    await open(countyAdmin, session.running.host.url, '/admin/filings/transfers');
    const requests = screen(countyAdmin, 'transfer-requests');
    await requests.locator('.choice-side .choice-option--outgoing').click();
    await requests.locator('.btn-issue-transfer-password').click();
    const code = await textOf(requests.locator('.otp-code'));
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    expect(code).not.toBe(codes.collective);
    await requests.locator('.transfer-request-item', { hasText: '初始密码已领取' }).waitFor();
  });
});
