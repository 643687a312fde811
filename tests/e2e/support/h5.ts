import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { loadConfig } from '../../../cloudfunctions/local-host/config';
import { startLocalHost, type RunningHost } from '../../../cloudfunctions/local-host/main';
import { launchChromium } from './chromium';

/** The H5 build the browser tests drive (`npm run build:h5`). */
export const H5_DIR = resolve(__dirname, '../../../dist/h5');

/** How long a user-visible state may take to appear before a step fails (pages, API calls, scrypt). */
export const UI_TIMEOUT_MS = 10_000;
const POLL_MS = 50;

export interface HostWithClient {
  host: RunningHost;
  /** The seeded office's code and one-time password (the host seeds an empty store). */
  office: NonNullable<RunningHost['office']>;
  stop(): Promise<void>;
}

/** The local host on a free port and a fresh data directory, serving the built H5 client; `env` adds configuration. */
export async function startHostWithClient(env: Record<string, string> = {}): Promise<HostWithClient> {
  if (!existsSync(join(H5_DIR, 'index.html'))) {
    throw new Error(`No H5 build in ${H5_DIR}. Run \`npm run build:h5\` first (npm test builds it before jest).`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'qnwmh-e2e-'));
  const host = await startLocalHost(loadConfig({ PORT: '0', DATA_DIR: dataDir, SCRYPT_COST: '12', H5_DIR, ...env }));
  if (!host.office) throw new Error('The local host did not seed the office on an empty store');
  return {
    host,
    office: host.office,
    stop: async () => {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The page the user is looking at, by its root class (`sign-in`, `units`, …). Taro H5 keeps earlier pages
 * of the stack in the DOM, hidden; only the visible one is the user's.
 */
export function screen(page: Page, name: string): Locator {
  return page.locator(`.screen.${name}:visible`);
}

/** Opens a route of the app (hash routing), e.g. `/pages/auth/sign-in`. */
export async function open(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto(`${baseUrl}/#${route}`);
}

/** The native input of a `FormField` (`.field-<name>`). */
export function field(scope: Locator, name: string): Locator {
  return scope.locator(`.field-${name} input`);
}

/**
 * The confirm dialog an irreversible action opens: waits for it to ask `question`, then presses the
 * button named `answer` (by role and name, as a screen reader user would find it).
 */
export async function answerDialog(page: Page, question: string, answer: string): Promise<void> {
  const dialog = page.getByRole('alertdialog', { name: question });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: answer, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Waits until the text of `locator` (all matches, trimmed) equals `expected`; fails showing what was there. */
export async function expectTexts(locator: Locator, expected: string[]): Promise<void> {
  const read = async () => (await locator.allInnerTexts()).map((text) => text.trim());
  const deadline = Date.now() + UI_TIMEOUT_MS;
  let actual = await read();
  while (JSON.stringify(actual) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((done) => setTimeout(done, POLL_MS));
    actual = await read();
  }
  expect(actual).toEqual(expected);
}

/** Waits for one visible match of `locator` and answers its trimmed text. */
export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'visible' });
  return (await locator.innerText()).trim();
}

/** Fills the sign-in form and submits it; resolves once the server has answered. */
export async function submitSignIn(page: Page, code: string, password: string): Promise<void> {
  const form = screen(page, 'sign-in');
  await field(form, 'code').fill(code);
  await field(form, 'password').fill(password);
  await Promise.all([
    page.waitForResponse((response) => response.url().endsWith('/api/account') && response.request().postData()?.includes('"signIn"') === true),
    form.locator('.btn-submit').click(),
  ]);
}

/**
 * Signs in with a one-time password; the app must then insist on a new one, which is set here (the
 * one-time password just typed is not asked again).
 */
export async function signInFirstTime(page: Page, baseUrl: string, code: string, oneTimePassword: string, newPassword: string): Promise<void> {
  await open(page, baseUrl, '/pages/auth/sign-in');
  await submitSignIn(page, code, oneTimePassword);

  const change = screen(page, 'change-password');
  await expectTexts(change.locator('.must-change'), ['首次登录请修改初始密码']);
  expect(await field(change, 'oldPassword').count()).toBe(0);
  await field(change, 'newPassword').fill(newPassword);
  await field(change, 'confirmPassword').fill(newPassword);
  await change.locator('.btn-submit').click();
  // 密码已修改 flashes for 0.8 s before the app starts over at home, signed in and no longer asked to change.
  await signedInHome(page).waitFor();
}

/** 我的, signed in, once it no longer asks for a password change. */
export function signedInHome(page: Page): Locator {
  return screen(page, 'mine').locator('.home-member', { hasNot: page.locator('.link-change-password') });
}

/** On the units page: opens the child unit named `name`, pressing 加载更多 until it is listed. */
export async function openChildUnit(page: Page, name: string): Promise<void> {
  const units = screen(page, 'units');
  const row = units.locator('.unit-item', { has: page.locator('.unit-item__name', { hasText: name }) });
  const more = units.locator('.btn-load-more');
  const end = units.locator('.list-end');
  for (;;) {
    await row.or(more).or(end).first().waitFor();
    if (await row.count()) break;
    if (!(await more.count())) throw new Error(`No unit named ${name} in the list`);
    await more.click();
  }
  await row.click();
  await expectTexts(screen(page, 'units').locator('.unit-current .unit-name'), [name]);
}

/** On an opened unit: 派发用户名 for a collective or an admin; answers the code and one-time password shown once. */
export async function issueCode(page: Page, role: 'collective' | 'admin', name: string): Promise<{ code: string; oneTimePassword: string }> {
  await screen(page, 'units').locator('.btn-unit-issue').click();
  const issue = screen(page, 'issue');
  await issue.locator(`.choice-option--${role}`).click();
  await field(issue, 'name').fill(name);
  await issue.locator('.btn-submit').click();

  const done = screen(page, 'issue--done');
  await expectTexts(done.locator('.result-message'), [`已为「${name}」派发用户名`]);
  expect(await textOf(done.locator('.otp-name'))).toBe(name);
  return { code: await textOf(done.locator('.otp-code')), oneTimePassword: await textOf(done.locator('.otp-password')) };
}

/**
 * For a browser test file: the local host serving the built client and one Chromium, started before
 * the file's tests and stopped after them. Each `newUser()` is one person at one device: a browser
 * context of their own (own storage, so own session or visitor token).
 */
export function useBrowser(env: Record<string, string> = {}) {
  let running: HostWithClient | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  // The client runs under the host's Content-Security-Policy: whatever it blocks is a failure of the build or the policy.
  const violations: string[] = [];
  afterEach(() => {
    expect(violations.splice(0)).toEqual([]);
  });
  beforeAll(async () => {
    running = await startHostWithClient(env);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await running?.stop();
  });
  return {
    get running(): HostWithClient {
      if (!running) throw new Error('the host starts in beforeAll');
      return running;
    },
    async newUser(options?: BrowserContextOptions): Promise<Page> {
      if (!browser) throw new Error('the browser starts in beforeAll');
      const context = await browser.newContext(options);
      context.setDefaultTimeout(UI_TIMEOUT_MS);
      contexts.push(context);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      return page;
    },
  };
}
