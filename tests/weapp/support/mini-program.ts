import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load, render, type RootComponent } from 'miniprogram-simulate';
import { signedOut, type CloudAnswer, type CloudCall } from './cloud';

/**
 * Runs pages of the real weapp build (dist/weapp) in miniprogram-simulate with the official WXML compiler,
 * as WeChat would: the app launches, the page loads, and taps reach the page through Taro's event handler.
 * The cloud is a fake that records every `wx.cloud.callFunction` and answers with the test's envelopes.
 *
 * One page per test file: miniprogram-simulate caches compiled components per path and Taro keeps its
 * app in module state, so a second `openPage` in the same file is refused with a clear error.
 */
export const WEAPP_DIST = resolve(__dirname, '../../../dist/weapp');

/** Every call the page made, in order. */
export interface FakeCloud {
  calls: CloudCall[];
  /** Files the page put straight into cloud storage (`wx.cloud.uploadFile`). */
  uploads: Array<{ cloudPath: string; filePath: string }>;
}

/** A node of the rendered page (j-component's own type for what its `querySelectorAll` finds). */
export type PageNode = ReturnType<RootComponent<{}, {}, {}>['querySelectorAll']>[number];

export interface OpenedPage {
  cloud: FakeCloud;
  /** Every node matching a simple selector (`.class`, `#id`, `.a .b`), also inside Taro's nested `comp` components. */
  findAll(selector: string): PageNode[];
  /** The text of every match, trimmed. */
  texts(selector: string): string[];
  /** What the native input inside the first match holds (a `FormField`'s `.field-<name>`, or its multi-line field). */
  valueOf(selector: string): string | undefined;
  /** Waits for at least one match and returns the first. */
  waitFor(selector: string): Promise<PageNode>;
  /** Waits until `check` holds (rendering and cloud answers are asynchronous). */
  waitUntil(check: () => boolean, what: string): Promise<void>;
  /** Taps the first match, as a finger would. */
  tap(selector: string): Promise<void>;
  /** Types into the native input inside the first match (a `FormField`'s `.field-<name>`). */
  type(selector: string, value: string): Promise<void>;
  /** Picks `value` in the first match's picker (a `DateField`'s `.date-picker--day` / `--time`), as WeChat's picker answers. */
  pick(selector: string, value: string): Promise<void>;
}

/** The page globals WeChat provides and miniprogram-simulate does not (it only provides `Component`). */
interface WeChatGlobals {
  wx: Record<string, unknown>;
  App: (config: AppConfig) => void;
  getApp: () => AppConfig | undefined;
  getCurrentPages: () => PageInstance[];
  Page: (config: Record<string, unknown>) => void;
  Component: (options: Record<string, unknown>) => void;
}
interface AppConfig {
  onLaunch?: (options: unknown) => void;
  onShow?: (options: unknown) => void;
}
interface PageInstance {
  route?: string;
  onLoad?: (query: Record<string, string>) => void;
  onShow?: () => void;
  onReady?: () => void;
  onUnload?: () => void;
}

const POLL_MS = 10;
const WAIT_MS = 5_000;

let opened = false;

/**
 * Launches the app and opens one page of the build, e.g. `openPage('pages/auth/sign-in')`.
 * Resolves once the page has drawn its `Screen` (every page's root, `.screen`).
 */
export async function openPage(
  route: string,
  options: { query?: Record<string, string>; answer?: CloudAnswer } = {},
): Promise<OpenedPage> {
  if (opened) throw new Error('openPage: one page per test file (miniprogram-simulate caches loaded components).');
  opened = true;
  if (!existsSync(join(WEAPP_DIST, 'app.js')) || !existsSync(join(WEAPP_DIST, `${route}.js`))) {
    throw new Error(`No weapp build of ${route} in ${WEAPP_DIST}. Run \`npm run build:weapp\` first (npm test builds it).`);
  }
  const query = options.query ?? {};
  const cloud = installWeChat(route, query, options.answer ?? signedOut);

  // The app registers itself with App() and launches before any page, as in WeChat.
  require(join(WEAPP_DIST, 'app.js'));
  const app = globals().getApp();
  if (!app) throw new Error('dist/weapp/app.js did not call App()');
  app.onLaunch?.({ path: route, query, scene: 1001 });
  app.onShow?.({ path: route, query, scene: 1001 });

  const id = load(join(WEAPP_DIST, route), { rootPath: WEAPP_DIST, compiler: 'official' });
  const root = render(id);
  root.attach(document.createElement('parent-wrapper'));

  const page = pageOf(root, cloud);
  await page.waitFor('.screen');
  return page;
}

function globals(): WeChatGlobals {
  // The WeChat globals are set and read here only; their official typings describe WeChat's, not these fakes.
  return globalThis as unknown as WeChatGlobals;
}

/** Defines what WeChat would: `wx.cloud`, `App`, `getApp`, `getCurrentPages`, and `Page` (onto `Component`). */
function installWeChat(route: string, query: Record<string, string>, answer: CloudAnswer): FakeCloud {
  const g = globals();
  const cloud: FakeCloud = { calls: [], uploads: [] };
  // Taro copies `wx.cloud` when its runtime loads, so the fake must be in place before app.js is required.
  g.wx.cloud = {
    DYNAMIC_CURRENT_ENV: 'fake-env',
    init: () => undefined,
    callFunction: async (call: CloudCall) => {
      const recorded = { name: call.name, data: call.data };
      cloud.calls.push(recorded);
      return { result: await answer(recorded) };
    },
    uploadFile: async (upload: { cloudPath: string; filePath: string }) => {
      cloud.uploads.push({ cloudPath: upload.cloudPath, filePath: upload.filePath });
      return { fileID: `cloud://fake-env.bucket/${upload.cloudPath}`, statusCode: 204, errMsg: 'cloud.uploadFile:ok' };
    },
  };

  let app: AppConfig | undefined;
  const pages: PageInstance[] = [];
  g.App = (config) => {
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.Page = (config) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value;
    g.Component({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          this.route = route;
          pages.push(this);
          this.onLoad?.(query);
          this.onShow?.();
        },
        ready(this: PageInstance) {
          this.onReady?.();
        },
        detached(this: PageInstance) {
          this.onUnload?.();
          pages.splice(pages.indexOf(this), 1);
        },
      },
    });
  };
  return cloud;
}

function pageOf(root: RootComponent<{}, {}, {}>, cloud: FakeCloud): OpenedPage {
  // Taro renders nodes deeper than its template depth inside a recursive `comp` component; a plain
  // selector stays in one shadow tree, so also ask across them with the mini program's `>>>` combinator
  // (anchored at `.screen`, the root every page draws).
  const findAll = (selector: string) => {
    const seen = new Set<unknown>();
    return [...root.querySelectorAll(selector), ...root.querySelectorAll(`.screen >>> ${selector}`)].filter((node) => {
      if (!node.dom || seen.has(node.dom)) return false;
      seen.add(node.dom);
      return true;
    });
  };
  const waitUntil = async (check: () => boolean, what: string) => {
    const deadline = Date.now() + WAIT_MS;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`Timed out after ${WAIT_MS} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  const waitFor = async (selector: string) => {
    await waitUntil(() => findAll(selector).length > 0, `"${selector}"`);
    return findAll(selector)[0];
  };
  return {
    cloud,
    findAll,
    texts: (selector) => findAll(selector).map((node) => (node.dom?.textContent ?? '').trim()),
    valueOf: (selector) => {
      // A `FormField`'s NutUI input inside it, or its multi-line field (Taro's <textarea> itself carries the class).
      const input = findAll(`${selector} .nut-input-native`)[0] ?? findAll(selector)[0];
      const value = input?.toJSON().attrs.find((attr) => attr.name === 'value')?.value;
      return value === undefined ? undefined : String(value);
    },
    waitFor,
    waitUntil,
    tap: async (selector) => {
      (await waitFor(selector)).dispatchEvent('tap');
    },
    type: async (selector, value) => {
      // A `FormField`'s NutUI input inside it, or its multi-line field (Taro's <textarea> itself carries the class).
      const field = await waitFor(selector);
      const [input] = findAll(`${selector} .nut-input-native`);
      (input ?? field).dispatchEvent('input', { detail: { value, cursor: value.length } });
    },
    pick: async (selector, value) => {
      (await waitFor(selector)).dispatchEvent('change', { detail: { value } });
    },
  };
}
