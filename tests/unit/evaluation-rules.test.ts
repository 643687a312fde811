import { chinaMonth, formatRate, isNegative, satisfactionRate, type RatingCounts } from '../../shared/domain/evaluation/rules';
import { parseBlockedWords, WordListContentSecurity } from '../../cloudfunctions/adapters/content/word-list-content-security';
import { WechatContentSecurity } from '../../cloudfunctions/adapters/wechat/wechat-content-security';
import { WechatRiskControl } from '../../cloudfunctions/adapters/wechat/wechat-risk-control';

const counts = (c: Partial<RatingCounts>): RatingCounts => ({ 5: 0, 4: 0, 3: 0, 2: 0, 1: 0, ...c });

describe('the month a 综合点评 counts for is China time', () => {
  test('23:59:59 on the last day of a month in China is still that month; one second later is the next', () => {
    expect(chinaMonth(new Date('2018-11-30T15:59:59.999Z'))).toBe('2018-11');
    expect(chinaMonth(new Date('2018-11-30T16:00:00.000Z'))).toBe('2018-12');
  });

  test('New Year in China comes eight hours before UTC’s', () => {
    expect(chinaMonth(new Date('2018-12-31T15:59:59.000Z'))).toBe('2018-12');
    expect(chinaMonth(new Date('2018-12-31T16:00:00.000Z'))).toBe('2019-01');
  });
});

describe('the satisfaction rate', () => {
  test('counts 非常满意, 满意 and 基本满意 over every counted evaluation', () => {
    expect(satisfactionRate(counts({ 5: 1, 4: 1, 3: 1, 2: 1 }))).toBe(0.75);
    expect(satisfactionRate(counts({ 3: 2 }))).toBe(1);
    expect(satisfactionRate(counts({ 1: 3 }))).toBe(0);
  });

  test('is no figure at all before the first evaluation, rather than 0%', () => {
    expect(satisfactionRate(counts({}))).toBeNull();
    expect(formatRate(null)).toBe('暂无');
  });

  test('reads as a percentage with at most one decimal', () => {
    expect(formatRate(2 / 3)).toBe('66.7%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(0)).toBe('0%');
  });

  test('不满意 and 非常不满意 are 差评; 基本满意 is not', () => {
    expect([5, 4, 3, 2, 1].map((r) => isNegative(r as 1))).toEqual([false, false, false, true, true]);
  });
});

describe('the local content check (word list)', () => {
  test('refuses text with a blocked word even with spaces or dots between its characters', async () => {
    const check = new WordListContentSecurity(['代开发票']);
    expect(await check.checkText({ text: '可以 代 开·发票', scene: 'comment' })).toBe('reject');
    expect(await check.checkText({ text: '开具发票很及时', scene: 'comment' })).toBe('pass');
  });

  test('leaves text with a review word for review, unless a blocked word refuses it outright', async () => {
    const check = new WordListContentSecurity(['代开发票'], { reviewWords: ['微信号'] });
    expect(await check.checkText({ text: '加我 微信号 详聊', scene: 'comment' })).toBe('review');
    expect(await check.checkText({ text: '微信号代开发票', scene: 'comment' })).toBe('reject');
    expect(await check.checkText({ text: '服务很好', scene: 'comment' })).toBe('pass');
  });

  test('reads CONTENT_BLOCKED_WORDS separated by commas or 、, ignoring blanks', () => {
    expect(parseBlockedWords('赌博, 诈骗、 ,枪支，')).toEqual(['赌博', '诈骗', '枪支']);
  });
});

describe('WeChat 内容安全 (msgSecCheck v2) through CloudBase', () => {
  const answering = (suggest: string | null, calls: unknown[] = []) =>
    new WechatContentSecurity({
      callWxOpenApi: async (options: unknown) => {
        calls.push(options);
        return suggest === null ? { code: 'SYS_ERR', message: 'down', requestId: '1' } : { result: { errcode: 0, result: { suggest, label: 100 } }, requestId: '1' };
      },
    } as never);

  test('asks with version 2, the 评论 scene and the writer’s OPENID', async () => {
    const calls: unknown[] = [];
    await answering('pass', calls).checkText({ text: '很好', scene: 'comment', openid: 'o-1' });
    expect(calls).toEqual([{ apiName: 'security.msgSecCheck', requestData: { version: 2, scene: 2, openid: 'o-1', content: '很好' } }]);
  });

  test('pass shows, risky refuses, review (or no answer, or no OPENID) holds the text back', async () => {
    const text = { text: '评价', scene: 'comment' as const, openid: 'o-1' };
    expect(await answering('pass').checkText(text)).toBe('pass');
    expect(await answering('risky').checkText(text)).toBe('reject');
    expect(await answering('review').checkText(text)).toBe('review');
    expect(await answering(null).checkText(text)).toBe('review');
    expect(await answering('pass').checkText({ text: '评价', scene: 'comment' })).toBe('review');
  });
});

describe('WeChat user risk rank (riskControl.getUserRiskRank) through CloudBase', () => {
  test('asks with the AppID, OPENID, the 营销作弊 scene and the client address, and reads risk_rank', async () => {
    const calls: unknown[] = [];
    const risk = new WechatRiskControl({ callWxOpenApi: async (options: unknown) => (calls.push(options), { result: { errcode: 0, risk_rank: 3 }, requestId: '1' }) } as never);
    expect(await risk.rankOf({ openid: 'o-1', appid: 'wx123', ip: '10.0.0.1' })).toBe(3);
    expect(calls).toEqual([{ apiName: 'riskControl.getUserRiskRank', requestData: { appid: 'wx123', openid: 'o-1', scene: 1, client_ip: '10.0.0.1' } }]);
  });

  test('no answer is no evidence: rank 0', async () => {
    const risk = new WechatRiskControl({ callWxOpenApi: async () => ({ code: 'SYS_ERR', message: 'down', requestId: '1' }) } as never);
    expect(await risk.rankOf({ openid: 'o-1' })).toBe(0);
  });
});
