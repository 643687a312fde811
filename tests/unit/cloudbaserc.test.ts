import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contract } from '../../shared/contract';
import { functionEnvironment } from '../../cloudfunctions/entries/cloudbase-main';
import { FOLD_MARGIN_MS } from '../../cloudfunctions/app/common/filing-counts';

interface FunctionConfig {
  name: string;
  timeout?: number;
  envVariables?: Record<string, string>;
}

const functions = (JSON.parse(readFileSync(join(__dirname, '../../cloudbaserc.json'), 'utf8')) as { functions: FunctionConfig[] }).functions;

describe('cloudbaserc.json, what `npm run deploy` gives each function', () => {
  test('declares every function of the contract, jobs and mediacheck', () => {
    expect(functions.map((f) => f.name).sort()).toEqual([...Object.keys(contract), 'jobs', 'mediacheck'].sort());
  });

  test.each(functions.map((f) => [f.name, f] as const))('%s receives every environment variable the functions read, and states its timeout', (_name, fn) => {
    expect(Object.keys(fn.envVariables ?? {}).sort()).toEqual(Object.keys(functionEnvironment.shape).sort());
    for (const [name, value] of Object.entries(fn.envVariables ?? {})) expect(value).toBe(`{{env.${name}}}`);
    expect(fn.timeout).toEqual(expect.any(Number));
  });

  test('no function outlives the fold’s margin: a counter write stamped before a fold’s mark has committed before the fold reads', () => {
    const longest = Math.max(...functions.map((f) => f.timeout ?? 0));
    expect(FOLD_MARGIN_MS).toBeGreaterThanOrEqual(2 * longest * 1000);
  });

  test('a variable the deploying shell leaves unset arrives as "" and means its default', () => {
    const blank = Object.fromEntries(Object.keys(functionEnvironment.shape).map((name) => [name, '']));
    const parsed = functionEnvironment.safeParse({ ...blank, SESSION_SECRET: 's'.repeat(32), PUBLIC_URL: 'https://qnwmh.example.org' });
    expect(parsed.success && parsed.data).toMatchObject({ SESSION_TTL_HOURS: 12, SCRYPT_COST: 15, WECHAT_BINDING_MAX_AGE_DAYS: 90, SIGN_IN_LOCK_MINUTES: 15 });
  });
});
