import { fakeCloud } from './support/cloud';
import { accountView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';

/** A collective's account that opens 评价申诉 of the admins (a shared link, say); its appeals would be answered if asked. */
const answer = fakeCloud({
  'account.me': { account: accountView() },
  'evaluation.appeals': { items: [], nextCursor: null },
});

describe('the admins’ appeals page opened by a collective in the mini-program', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage('admin/evaluation/appeals', { answer });
    await page.waitFor('.notice');
  });

  test('says who may decide appeals, and asks for none of them', () => {
    expect(page.texts('.notice')).toEqual(['只有一级管理员和组委会办公室可以复核申诉']);
    expect(page.findAll('.ow-chip')).toHaveLength(0);
    expect(page.cloud.calls.map((c) => `${c.name}.${c.data.action}`)).not.toContain('evaluation.appeals');
  });
});
