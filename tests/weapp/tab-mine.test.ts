import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeCloud } from './support/cloud';
import { adminView } from './support/fixtures';
import { openPage, WEAPP_DIST, type OpenedPage } from './support/mini-program';

const answer = fakeCloud({ 'account.me': { account: adminView({ id: 'acc-admin' }) } });

interface TabBar {
  list: Array<{ pagePath: string; text: string; iconPath: string; selectedIconPath: string }>;
}

/** The mini-program's tab bar: 首页 / 报名 / 我的, each a main-package page with its icons; the console is under 我的. */
describe('the mini-program tab bar', () => {
  const appJson = JSON.parse(readFileSync(join(WEAPP_DIST, 'app.json'), 'utf8')) as { pages: string[]; tabBar: TabBar };

  test('has three tabs, each a page of the main package, each with both icons in the build', () => {
    expect(appJson.tabBar.list.map((tab) => tab.text)).toEqual(['首页', '报名', '我的']);
    for (const tab of appJson.tabBar.list) {
      expect(appJson.pages).toContain(tab.pagePath);
      expect(existsSync(join(WEAPP_DIST, tab.iconPath))).toBe(true);
      expect(existsSync(join(WEAPP_DIST, tab.selectedIconPath))).toBe(true);
    }
    expect(appJson.pages[0]).toBe('pages/index/index');
  });

  describe('我的, signed in as an admin', () => {
    let page: OpenedPage;
    beforeAll(async () => {
      page = await openPage('pages/mine/index', { answer });
    });

    test('shows who is signed in and every entrance of the console', async () => {
      await page.waitFor('.entry-filings');
      expect(page.texts('.account-name')).toEqual(['交通行业一级管理员']);
      expect(page.texts('.home-admin .list-item__title')).toEqual(['审核队列', '报备进度', '五个一工作台账', '考评', '管理单位', '帐号管理', '派发用户名', '操作记录', '开放周监管', '创建日志', '转来的差评', '投诉处理', '待审核评价', '评价申诉', '社会监督员', '明察暗访报告', '社会评价统计']);
      expect(page.findAll('.btn-sign-out')).toHaveLength(1);
    });
  });
});
