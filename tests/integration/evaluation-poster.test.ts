import type { MiniProgramCodeRequest, MiniProgramCodes } from '../../cloudfunctions/app/ports/mini-program-code';
import { seedFiling, submitComplete } from '../support/filing';
import { wechatVisitor } from '../support/evaluation';
import { TestApp } from '../support/harness';

/** WeChat's mini-program codes as a test sees them: every request kept, a small PNG-looking answer. */
class CountingCodes implements MiniProgramCodes {
  readonly requests: MiniProgramCodeRequest[] = [];
  constructor(private readonly answer: Buffer | null = Buffer.from('\x89PNG poster code')) {}
  async codeFor(request: MiniProgramCodeRequest) {
    this.requests.push(request);
    return this.answer;
  }
}

type Seeded = Awaited<ReturnType<typeof seedFiling>>;

describe('the QR poster of a collective’s 三亮 page', () => {
  let app: TestApp;
  let h: Seeded;
  const codeOf = async (accountId: string) => (await app.ok('evaluation', 'publicPage', { collectiveId: accountId })).collective.code;

  beforeEach(async () => {
    app = new TestApp();
    h = await seedFiling(app);
  });
  afterEach(() => app.close());

  test('a collective’s own poster shows its name and 公开承诺, and on the local host no mini-program code (the client draws the H5 QR)', async () => {
    const { version } = await app.ok('evaluation', 'ownPublicPage', {}, h.collective.caller);
    await app.ok('evaluation', 'updatePublicPage', { commitment: '准点发车，文明服务，有诉必应', address: '岳阳市岳阳楼区车站路 1 号', serviceHours: '6:00–22:00', version }, h.collective.caller);
    const poster = await app.ok('evaluation', 'posterOf', {}, h.collective.caller);
    const code = await codeOf(h.collective.accountId);
    expect(poster).toEqual({
      code, name: '岳阳市公交一路青年班组', mark: null, commitment: '准点发车，文明服务，有诉必应', miniProgramCode: null, pageUrl: `http://h5.test/#/events/collective?code=${code}`,
    });
  });

  test('only a 创建集体 carries the 创建标识 on its poster', async () => {
    const filing = await submitComplete(app, h.campaignId, h.countyCollective.caller, { name: '岳阳县人民医院青年护理组' });
    await app.ok('review', 'decide', { filingId: filing.id, version: filing.version, decision: 'approve', comment: '同意' }, h.countyAdmin1.caller);
    expect((await app.ok('evaluation', 'posterOf', {}, h.countyCollective.caller)).mark).toMatchObject({ statusLabel: '创建集体', levelLabel: expect.any(String), campaignName: expect.any(String) });
    await submitComplete(app, h.campaignId, h.collective.caller);
    expect((await app.ok('evaluation', 'posterOf', {}, h.collective.caller)).mark).toBeNull();
  });

  test('the collective itself and admins whose scope covers it get the poster; everyone else is refused', async () => {
    const code = await codeOf(h.collective.accountId);
    const countyCode = await codeOf(h.countyCollective.accountId);
    for (const admin of [h.office, h.admin1, h.admin2, h.admin3]) {
      expect(await app.ok('evaluation', 'posterOf', { code }, admin.caller)).toMatchObject({ code, name: '岳阳市公交一路青年班组' });
    }
    expect(await app.ok('evaluation', 'posterOf', { code }, h.collective.caller)).toMatchObject({ code });
    expect(await app.call('evaluation', 'posterOf', { code }, h.countyAdmin1.caller)).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE' } });
    expect(await app.call('evaluation', 'posterOf', { code: countyCode }, h.admin1.caller)).toMatchObject({ ok: false, error: { code: 'NOT_IN_SCOPE' } });
    expect(await app.call('evaluation', 'posterOf', { code: countyCode }, h.collective.caller)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能生成本集体的二维码海报' } });
    expect(await app.call('evaluation', 'posterOf', {}, h.admin1.caller)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '集体编号：缺少' } });
    expect(await app.call('evaluation', 'posterOf', { code: 'nosuchcode' }, h.office.caller)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await app.call('evaluation', 'posterOf', { code }, wechatVisitor(1))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await app.call('evaluation', 'posterOf', { code }, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  test('the mini-program code is requested once, with the public code as its scene and the 三亮 page, then reused from storage', async () => {
    const codes = new CountingCodes();
    app.deps.miniProgramCodes = codes;
    const code = await codeOf(h.collective.accountId);

    const first = await app.ok('evaluation', 'posterOf', {}, h.collective.caller);
    expect(first.miniProgramCode).toEqual(expect.any(String));
    expect(await app.deps.files?.read(first.miniProgramCode as string)).toEqual(Buffer.from('\x89PNG poster code'));
    const again = await app.ok('evaluation', 'posterOf', { code }, h.admin2.caller);
    expect(again.miniProgramCode).toBe(first.miniProgramCode);
    expect((await app.ok('evaluation', 'posterOf', {}, h.collective.caller)).miniProgramCode).toBe(first.miniProgramCode);

    expect(codes.requests).toEqual([{ scene: code, page: 'events/collective' }]);
    // The scene is the public code alone: nothing of the collective's account (whose code is upper-case).
    expect(codes.requests[0].scene).toMatch(/^[a-z2-9]{10}$/);
    expect(await app.store.get('publicPages', h.collective.accountId)).toMatchObject({ miniProgramCode: first.miniProgramCode });
  });

  test('when WeChat gives no code the poster falls back to the H5 QR, keeps nothing, and the next poster asks again', async () => {
    const codes = new CountingCodes(null);
    app.deps.miniProgramCodes = codes;
    expect((await app.ok('evaluation', 'posterOf', {}, h.collective.caller)).miniProgramCode).toBeNull();
    expect((await app.ok('evaluation', 'posterOf', {}, h.collective.caller)).miniProgramCode).toBeNull();
    expect(codes.requests).toHaveLength(2);
    expect(await app.store.get('publicPages', h.collective.accountId)).not.toHaveProperty('miniProgramCode');
  });
});
