import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retryAfterText } from '../../cloudfunctions/app/limits/policy';
import { LIMIT_SETTINGS, limitRules, parseRule } from '../../cloudfunctions/app/limits/rules';
import { loadConfig } from '../../cloudfunctions/local-host/config';

describe('a rate rule as configured: <count>/<window>', () => {
  test('reads counts with K and M and windows in seconds, minutes, hours and days', () => {
    expect(parseRule('60/10m')).toEqual({ limit: 60, windowSeconds: 600 });
    expect(parseRule('5/30s')).toEqual({ limit: 5, windowSeconds: 30 });
    expect(parseRule(' 3/1h ')).toEqual({ limit: 3, windowSeconds: 3600 });
    expect(parseRule('50M/1d')).toEqual({ limit: 50 * 1024 * 1024, windowSeconds: 86_400 });
    expect(parseRule('512K/2d')).toEqual({ limit: 512 * 1024, windowSeconds: 172_800 });
  });

  test('refuses anything else, and zero counts or windows', () => {
    for (const text of ['60', '60/', '/10m', '60/10', '60/10w', 'ten/1m', '0/1m', '5/0s', '-1/1m', '1.5/1m']) expect(parseRule(text)).toBeNull();
  });

  test('every default is a valid rule, and an override replaces only its own', () => {
    for (const setting of Object.values(LIMIT_SETTINGS)) expect(parseRule(setting.default)).not.toBeNull();
    const rules = limitRules({ signupsPerIp: { limit: 7, windowSeconds: 60 } });
    expect(rules.signupsPerIp).toEqual({ limit: 7, windowSeconds: 60 });
    expect(rules.signInPerIp).toEqual({ limit: 60, windowSeconds: 600 });
  });
});

describe('when to retry, in the refusal message', () => {
  test('seconds under a minute, minutes up to an hour and a half, hours beyond', () => {
    expect(retryAfterText(1)).toBe('1 秒');
    expect(retryAfterText(59)).toBe('59 秒');
    expect(retryAfterText(60)).toBe('1 分钟');
    expect(retryAfterText(61)).toBe('2 分钟');
    expect(retryAfterText(5400)).toBe('90 分钟');
    expect(retryAfterText(5401)).toBe('2 小时');
    expect(retryAfterText(86_400)).toBe('24 小时');
  });
});

describe('rate limits in the local host configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qnwmh-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('unset variables keep the defaults; set ones replace them; TRUST_PROXY defaults to no proxy', () => {
    const defaults = loadConfig({ DATA_DIR: dir });
    expect(defaults.limits).toEqual(limitRules());
    expect(defaults.signInLockMinutes).toBe(15);
    expect(defaults.trustProxy).toBe(0);
    const raised = loadConfig({ DATA_DIR: dir, RATE_SIGNUPS_PER_IP: '1000/1m', SIGN_IN_LOCK_MINUTES: '30', TRUST_PROXY: '1', RATE_VISITS_PER_IP: '' });
    expect(raised.limits.signupsPerIp).toEqual({ limit: 1000, windowSeconds: 60 });
    expect(raised.limits.visitsPerIp).toEqual(limitRules().visitsPerIp);
    expect(raised.signInLockMinutes).toBe(30);
    expect(raised.trustProxy).toBe(1);
  });

  test('a malformed rule stops start-up, naming the variable', () => {
    expect(() => loadConfig({ DATA_DIR: dir, RATE_SIGN_IN_PER_IP: '60 per minute' })).toThrow(/RATE_SIGN_IN_PER_IP: must be <count>\/<window>/);
  });
});
