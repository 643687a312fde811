import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import type { Contract, FunctionName } from '../../shared/contract';
import type { Envelope } from '../../shared/envelope';
import { COLLECTIONS, type AccountDoc, type DevMailDoc, type UnitDoc } from '../../cloudfunctions/app/collections';
import type { Caller, Deps } from '../../cloudfunctions/app/context';
import { FUNCTIONS } from '../../cloudfunctions/app/functions';
import { dispatch } from '../../cloudfunctions/app/router';
import { limitRules, type LimitRules } from '../../cloudfunctions/app/limits/rules';
import { StoreRateLimiter } from '../../cloudfunctions/app/limits/store-rate-limiter';
import { PasswordHasher } from '../../cloudfunctions/app/security/passwords';
import { SessionTokens } from '../../cloudfunctions/app/security/session-tokens';
import { DevMailboxMailer } from '../../cloudfunctions/adapters/mail/dev-mailbox-mailer';
import { DevMailboxNotifier } from '../../cloudfunctions/adapters/mail/dev-mailbox-notifier';
import { LocalDiskFiles } from '../../cloudfunctions/adapters/files/local-disk-files';
import { WordListContentSecurity } from '../../cloudfunctions/adapters/content/word-list-content-security';
import { NO_RISK } from '../../cloudfunctions/app/ports/risk-control';
import type { MediaSuggest } from '../../cloudfunctions/app/ports/content-security';
import { deliverLocalVerdicts } from '../../cloudfunctions/local-host/media-verdicts';
import { findAll, type Store } from '../../cloudfunctions/app/ports/store';
import { seedDemo } from '../../cloudfunctions/local-host/demo/seed-demo';
import { createTestStore } from './test-store';

type Spec<F extends FunctionName, A extends keyof Contract[F]> = Contract[F][A] extends { input: infer I; output: infer O }
  ? { input: I; output: O }
  : never;
export type In<F extends FunctionName, A extends keyof Contract[F]> = z.input<Spec<F, A>['input'] & z.ZodType>;
export type Out<F extends FunctionName, A extends keyof Contract[F]> = z.output<Spec<F, A>['output'] & z.ZodType>;

/**
 * A fresh product called through the real router, with a clock the test controls, on the store under
 * test (test-store.ts): a real SQLite file, or CloudBase through the real SDK and the stand-in. Passwords
 * use a lower scrypt cost than production only to keep the suite quick. Rate limits are the production
 * defaults unless a test about something else raises one (`new TestApp({ limits })`); callers without an
 * `ip` share one address, as the router treats an address the platform did not give.
 */
export class TestApp {
  readonly dir = mkdtempSync(join(tmpdir(), 'qnwmh-test-'));
  readonly store: Store = createTestStore(this.dir);
  clock = new Date('2018-11-20T02:00:00.000Z');
  readonly deps: Deps;

  /** `heldImages`: sha256 of images the local content check holds for a verdict that `deliverVerdicts` brings later. */
  constructor(options: { limits?: Partial<LimitRules>; heldImages?: string[] } = {}) {
    const files = new LocalDiskFiles(join(this.dir, 'files'));
    this.deps = {
      store: this.store,
      mailer: new DevMailboxMailer(this.store, () => this.clock),
      notifier: new DevMailboxNotifier(this.store, () => this.clock),
      passwords: new PasswordHasher(10),
      tokens: new SessionTokens('test-secret-that-is-long-enough-for-hmac-signing'),
      limiter: new StoreRateLimiter(this.store),
      contentSecurity: new WordListContentSecurity(undefined, { held: { hashes: options.heldImages ?? [], read: (url) => files.read(url) } }),
      riskControl: NO_RISK,
      now: () => this.clock,
      config: { sessionTtlHours: 12, publicUrl: 'http://h5.test', limits: limitRules(options.limits), signInLockMinutes: 15 },
      files,
    };
  }

  /** WeChat's verdict push for every pending check of the held image with this sha256, through the real receiver. */
  deliverVerdicts(imageHash: string, suggest: MediaSuggest) {
    return deliverLocalVerdicts(this.deps, imageHash, suggest);
  }

  async call<F extends FunctionName, A extends keyof Contract[F] & string>(
    fn: F,
    action: A,
    data: In<F, A> | Record<string, unknown>,
    caller: Caller = {},
  ): Promise<Envelope<Out<F, A>>> {
    return (await dispatch(this.deps, fn, FUNCTIONS[fn] as never, { action, data }, caller)) as Envelope<Out<F, A>>;
  }

  /** Calls and returns the data, failing the test with the error if the call was refused. */
  async ok<F extends FunctionName, A extends keyof Contract[F] & string>(
    fn: F,
    action: A,
    data: In<F, A> | Record<string, unknown>,
    caller: Caller = {},
  ): Promise<Out<F, A>> {
    const result = await this.call(fn, action, data, caller);
    if (!result.ok) throw new Error(`${fn}.${action} refused: ${result.error.code} ${result.error.message}`);
    return result.data;
  }

  advance(minutes: number): void {
    this.clock = new Date(this.clock.getTime() + minutes * 60_000);
  }

  async account(code: string): Promise<AccountDoc> {
    const { items } = await this.store.find<AccountDoc>('accounts', { where: { code }, orderBy: { fields: ['code'], direction: 'asc' }, limit: 1 });
    if (!items[0]) throw new Error(`no account ${code}`);
    return items[0];
  }

  async unitNamed(name: string): Promise<UnitDoc> {
    const { items } = await this.store.find<UnitDoc>('units', { where: { name }, orderBy: { fields: ['createdAt'], direction: 'asc' }, limit: 1 });
    if (!items[0]) throw new Error(`no unit ${name}`);
    return items[0];
  }

  async mailbox(): Promise<DevMailDoc[]> {
    return (await this.store.find<DevMailDoc>('devMailbox', { orderBy: { fields: ['sentAt'], direction: 'asc' }, limit: 50 })).items;
  }

  /**
   * Every document of every collection: to prove a refused call changed nothing. Rate-limit counters are
   * left out: every call counts there, refused or not, and no user sees them.
   */
  async snapshot(): Promise<Record<string, unknown[]>> {
    const all: Record<string, unknown[]> = {};
    for (const name of Object.keys(COLLECTIONS).filter((n) => n !== 'rateLimits')) {
      all[name] = await findAll(this.store, name, { orderBy: { fields: [], direction: 'asc' } });
    }
    return all;
  }

  async close(): Promise<void> {
    await this.store.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface SignedIn {
  code: string;
  password: string;
  token: string;
  caller: Caller;
  accountId: string;
}

/** Signs in with a one-time password and replaces it, as every new holder must. */
export async function activate(app: TestApp, code: string, oneTimePassword: string, password = 'Passw0rd!'): Promise<SignedIn> {
  const first = await app.ok('account', 'signIn', { code, password: oneTimePassword });
  await app.ok('account', 'changePassword', { oldPassword: oneTimePassword, newPassword: password }, { token: first.token });
  const again = await app.ok('account', 'signIn', { code, password });
  return { code, password, token: again.token, caller: { token: again.token }, accountId: again.account.id };
}

/**
 * The demo campaign plus a small hierarchy under two level-1 units:
 * 交通 (industry) → 岳阳市交通运输局 (level 2) → 城区公交站 (level 3); and 岳阳县 (region), a sibling branch.
 */
export async function seedHierarchy(app: TestApp) {
  const seeded = await seedDemo(app.deps);
  if (!seeded) throw new Error('demo not seeded');
  const office = await activate(app, seeded.code, seeded.oneTimePassword);
  const transport = await app.unitNamed('交通');
  const county = await app.unitNamed('岳阳县');

  const issue = async (by: SignedIn, unitId: string, role: 'admin' | 'collective', name: string) => {
    const issued = await app.ok('admin', 'createAccount', { unitId, role, name }, by.caller);
    return activate(app, issued.account.code, issued.oneTimePassword);
  };
  const admin1 = await issue(office, transport.id, 'admin', '交通行业一级管理员');
  const bureau = (await app.ok('admin', 'createUnit', { parentId: transport.id, name: '岳阳市交通运输局' }, admin1.caller)).unit;
  const station = (await app.ok('admin', 'createUnit', { parentId: bureau.id, name: '城区公交站' }, admin1.caller)).unit;
  const admin2 = await issue(admin1, bureau.id, 'admin', '交通运输局二级管理员');
  const admin3 = await issue(admin1, station.id, 'admin', '公交站三级管理员');
  const collective = await issue(admin1, station.id, 'collective', '岳阳市公交一路青年班组');
  const countyAdmin1 = await issue(office, county.id, 'admin', '岳阳县一级管理员');
  const countyCollective = await issue(countyAdmin1, county.id, 'collective', '岳阳县人民医院青年护理组');
  return { office, admin1, admin2, admin3, collective, countyAdmin1, countyCollective, units: { transport, county, bureau, station } };
}
