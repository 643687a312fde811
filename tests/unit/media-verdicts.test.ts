import { imageHash, localTracePrefix, parseHeldImages, WordListContentSecurity } from '../../cloudfunctions/adapters/content/word-list-content-security';
import { WechatContentSecurity } from '../../cloudfunctions/adapters/wechat/wechat-content-security';
import { isPlatformPush } from '../../cloudfunctions/entries/cloudbase-main';
import { parseMediaVerdict } from '../../cloudfunctions/app/media-verdicts/event';

/** The push WeChat sent for a v2 check, as a developer posted it from a live mini-program (labels as strings). */
const LIVE_PUSH = {
  ToUserName: 'gh_7bf1f1389686',
  FromUserName: 'or9bw69jaWwJlF-6u0z3qT3KmO2k',
  CreateTime: 1762329554,
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: 'wxb04d1be1ede56d47',
  trace_id: '690b03d2-301f6111-35ffbd44',
  version: 2,
  result: { suggest: 'pass', label: '100' },
  detail: [{ strategy: 'content_model', errcode: 0, suggest: 'pass', label: '100', prob: 90 }],
};

describe('WeChat’s wxa_media_check push', () => {
  test('gives its trace id and overall suggestion', () => {
    expect(parseMediaVerdict(LIVE_PUSH)).toEqual({ traceId: '690b03d2-301f6111-35ffbd44', suggest: 'pass' });
    expect(parseMediaVerdict({ ...LIVE_PUSH, result: { suggest: 'risky', label: 20002 } })).toEqual({ traceId: LIVE_PUSH.trace_id, suggest: 'risky' });
    expect(parseMediaVerdict({ ...LIVE_PUSH, result: { suggest: 'review' } })).toEqual({ traceId: LIVE_PUSH.trace_id, suggest: 'review' });
  });

  test('anything else is no verdict: another event, a version 1 push, an unknown suggestion, a user’s action call', () => {
    expect(parseMediaVerdict({ ...LIVE_PUSH, Event: 'user_enter_tempsession' })).toBeNull();
    expect(parseMediaVerdict({ ...LIVE_PUSH, MsgType: 'text' })).toBeNull();
    const { result: _result, ...withoutResult } = LIVE_PUSH;
    expect(parseMediaVerdict({ ...withoutResult, version: 1, isrisky: 0, status_code: 0 })).toBeNull();
    expect(parseMediaVerdict({ ...LIVE_PUSH, result: { suggest: 'ok' } })).toBeNull();
    expect(parseMediaVerdict({ ...LIVE_PUSH, trace_id: '' })).toBeNull();
    expect(parseMediaVerdict({ action: 'evaluate', data: {} })).toBeNull();
    expect(parseMediaVerdict('success')).toBeNull();
  });
});

describe('who may deliver a verdict to the mediacheck function', () => {
  test('not a mini-program user: a client source, developer tools, or a device address refuse it', () => {
    expect(isPlatformPush({ TCB_SOURCE: 'wx_client', WX_OPENID: 'o-1', WX_CLIENTIP: '10.0.0.1' })).toBe(false);
    expect(isPlatformPush({ TCB_SOURCE: 'wx_client', WX_OPENID: 'o-1' })).toBe(false);
    expect(isPlatformPush({ TCB_SOURCE: 'wx_devtools' })).toBe(false);
    expect(isPlatformPush({ TCB_SOURCE: 'wx_localdebug' })).toBe(false);
    expect(isPlatformPush({ TCB_SOURCE: 'wx_client,scf' })).toBe(false);
    expect(isPlatformPush({ WX_CLIENTIPV6: '::1' })).toBe(false);
    // No source named and a user's OPENID: taken as a user's call.
    expect(isPlatformPush({ WX_OPENID: 'o-1' })).toBe(false);
  });

  test('the platform: a push (naming the checked user, from no client) or a call with no user at all', () => {
    expect(isPlatformPush({ TCB_SOURCE: 'wx_unknown', WX_OPENID: 'o-checked' })).toBe(true);
    expect(isPlatformPush({})).toBe(true);
  });
});

describe('the image checks', () => {
  const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

  test('the word list passes images at once, except those configured to be held, which wait under a trace id', async () => {
    const held = Buffer.concat([PNG_BYTES, Buffer.from('held')]);
    const files: Record<string, Buffer> = { '/files/a.png': PNG_BYTES, '/files/b.png': held };
    const check = new WordListContentSecurity(undefined, { held: { hashes: [imageHash(held)], read: async (url) => files[url] ?? null } });
    expect(await check.checkImage({ url: '/files/a.png', scene: 'comment' })).toEqual({ verdict: 'pass' });
    expect(await check.checkImage({ url: '/files/missing.png', scene: 'comment' })).toEqual({ verdict: 'pass' });
    const first = await check.checkImage({ url: '/files/b.png', scene: 'comment' });
    const second = await check.checkImage({ url: '/files/b.png', scene: 'comment' });
    expect(first).toEqual({ verdict: 'review', traceId: expect.stringMatching(new RegExp(`^${localTracePrefix(imageHash(held))}[0-9a-f]{12}$`)) });
    expect(second.traceId).not.toBe(first.traceId);
    expect(await new WordListContentSecurity().checkImage({ url: '/files/b.png', scene: 'comment' })).toEqual({ verdict: 'pass' });
  });

  test('CONTENT_HELD_IMAGES reads hashes separated by commas or spaces', () => {
    expect(parseHeldImages(' AB12, cd34 ef56,')).toEqual(['ab12', 'cd34', 'ef56']);
  });

  test('WeChat is asked with version 2, the scene, the OPENID and a fetchable URL, and answers a trace id', async () => {
    const calls: unknown[] = [];
    const wechat = new WechatContentSecurity({
      callWxOpenApi: async (options: unknown) => (calls.push(options), { result: { errcode: 0, errmsg: 'ok', trace_id: '690b03d2-301f6111-35ffbd44' }, requestId: '1' }),
      getTempFileURL: async () => ({ fileList: [{ code: 'SUCCESS', fileID: 'cloud://env.bucket/evaluation/photos/a.png', tempFileURL: 'https://bucket.tcb.qcloud.la/evaluation/photos/a.png?sign=1' }] }),
    } as never);
    expect(await wechat.checkImage({ url: 'cloud://env.bucket/evaluation/photos/a.png', scene: 'comment', openid: 'o-1' })).toEqual({ verdict: 'review', traceId: '690b03d2-301f6111-35ffbd44' });
    expect(calls).toEqual([
      { apiName: 'security.mediaCheckAsync', requestData: { media_url: 'https://bucket.tcb.qcloud.la/evaluation/photos/a.png?sign=1', media_type: 2, version: 2, scene: 2, openid: 'o-1' } },
    ]);
  });

  test('without an OPENID, or when WeChat does not answer, an image is held with no verdict to come', async () => {
    const down = new WechatContentSecurity({ callWxOpenApi: async () => ({ code: 'SYS_ERR', message: 'down', requestId: '1' }), getTempFileURL: async () => ({ fileList: [] }) } as never);
    expect(await down.checkImage({ url: 'https://example.org/a.png', scene: 'comment', openid: 'o-1' })).toEqual({ verdict: 'review' });
    expect(await down.checkImage({ url: 'https://example.org/a.png', scene: 'comment' })).toEqual({ verdict: 'review' });
    expect(await down.checkImage({ url: 'cloud://env.bucket/gone.png', scene: 'comment', openid: 'o-1' })).toEqual({ verdict: 'review' });
  });
});
