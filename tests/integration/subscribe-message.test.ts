import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import tcb from '@cloudbase/node-sdk';
import { SubscribeMessageNotifier } from '../../cloudfunctions/adapters/wechat/subscribe-message-notifier';
import { seedHierarchy, TestApp } from '../support/harness';

/**
 * The WeChat subscribe-message adapter, through the real SDK pointed at a local server standing in for
 * CloudBase's 云调用: what it sends, to whom, and what it leaves out.
 */
let server: Server;
let received: Array<Record<string, unknown>>;
let serviceUrl: string;
const saved = { TENCENTCLOUD: process.env.TENCENTCLOUD, SILENCE: process.env.SILENCE };

beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true';
  process.env.SILENCE = 'true';
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ requestId: 'r1', data: { responseData: JSON.stringify({ errcode: 0, errmsg: 'ok' }) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  Object.assign(process.env, saved);
});
beforeEach(() => {
  received = [];
});

const templates = {
  filingDecision: { templateId: 'TPL-DECISION', fields: { thing1: 'title' as const, thing2: 'body' as const, time3: 'time' as const } },
};

function notifierFor(app: TestApp) {
  const sdk = tcb.init({ env: 'test-env', secretId: 'fake-id', secretKey: 'fake-key', serviceUrl, keepalive: false, timeout: 5000 });
  return new SubscribeMessageNotifier(sdk, app.store, templates, () => new Date('2019-01-19T15:59:00.000Z'));
}

test('a message to an account goes to its bound WeChat user through subscribeMessage.send', async () => {
  const app = new TestApp();
  try {
    const h = await seedHierarchy(app);
    await app.ok('account', 'signIn', { code: h.collective.code, password: h.collective.password }, { openid: 'o-collective-phone' });
    await notifierFor(app).send({
      recipient: { kind: 'account', accountId: h.collective.accountId },
      topic: 'filingDecision',
      title: '报备已通过审核',
      body: '您的集体已成为2017—2018年度岳阳市青年文明号创建集体，请继续做好创建工作',
      page: 'collective/filing/status',
    });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ action: 'wx.api', apiName: 'subscribeMessage.send' });
    expect(JSON.parse(received[0].requestData as string)).toEqual({
      touser: 'o-collective-phone',
      template_id: 'TPL-DECISION',
      page: 'collective/filing/status',
      data: {
        thing1: { value: '报备已通过审核' },
        thing2: { value: '您的集体已成为2017—2018年度岳…' },
        time3: { value: '2019年01月19日 23:59' },
      },
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
  } finally {
    await app.close();
  }
});

test('a mini-program visitor is reached by OPENID; an H5 visitor, an unbound account or an unknown topic get nothing', async () => {
  const app = new TestApp();
  try {
    const h = await seedHierarchy(app);
    const notifier = notifierFor(app);
    const base = { topic: 'filingDecision', title: '候补成功', body: '您已获得名额', page: 'events/detail' };
    await notifier.send({ ...base, recipient: { kind: 'visitor', visitorId: 'wx:o-visitor' } });
    await notifier.send({ ...base, recipient: { kind: 'visitor', visitorId: 'h5:abcdefabcdefabcdef' } });
    await notifier.send({ ...base, recipient: { kind: 'account', accountId: h.countyCollective.accountId } });
    await notifier.send({ ...base, topic: 'noSuchTopic', recipient: { kind: 'visitor', visitorId: 'wx:o-visitor' } });
    expect(received.map((r) => JSON.parse(r.requestData as string).touser)).toEqual(['o-visitor']);
  } finally {
    await app.close();
  }
});

test('an approval decision and a cancellation reach the visitor on the one 活动变更 template the two topics share', async () => {
  const app = new TestApp();
  try {
    const h = await seedHierarchy(app);
    const change = { templateId: 'TPL-CHANGE', fields: { thing1: 'title' as const, thing2: 'body' as const, time3: 'time' as const } };
    const sdk = tcb.init({ env: 'test-env', secretId: 'fake-id', secretKey: 'fake-key', serviceUrl, keepalive: false, timeout: 5000 });
    app.deps.notifier = new SubscribeMessageNotifier(sdk, app.store, { eventCancelled: change, signupReviewed: change }, () => app.clock);
    const now = app.clock.getTime();
    const campaignId = (await app.ok('openweek', 'filters', {})).campaigns[0].id;
    const { event } = await app.ok(
      'openweek',
      'createEvent',
      {
        type: 'policy',
        title: '政策宣讲',
        description: '介绍公交优惠政策。',
        startAt: new Date(now + 48 * 3_600_000).toISOString(),
        endAt: new Date(now + 50 * 3_600_000).toISOString(),
        address: '岳阳市公交站',
        capacity: 5,
        signupOpensAt: new Date(now - 3_600_000).toISOString(),
        signupClosesAt: new Date(now + 24 * 3_600_000).toISOString(),
        cancelHoursBefore: 0,
        requiresApproval: true,
        campaignId,
      },
      h.collective.caller,
    );
    await app.ok('openweek', 'publishEvent', { eventId: event.id }, h.collective.caller);
    const { signup } = await app.ok('openweek', 'signUp', { eventId: event.id, name: '张三', phone: '13812345678', privacyAccepted: true }, { openid: 'o-visitor' });
    await app.ok('openweek', 'reviewSignup', { signupId: signup.id, approve: true }, h.collective.caller);
    await app.ok('openweek', 'cancelEvent', { eventId: event.id, reason: '台风预警' }, h.collective.caller);
    const sent = received.map((r) => JSON.parse(r.requestData as string) as { touser: string; template_id: string });
    expect(sent.map((m) => [m.touser, m.template_id])).toEqual([
      ['o-visitor', 'TPL-CHANGE'],
      ['o-visitor', 'TPL-CHANGE'],
    ]);
  } finally {
    await app.close();
  }
});
