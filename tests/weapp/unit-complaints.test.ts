import type { Envelope } from '../../shared/envelope';
import { fakeCloud, type FixtureOf } from './support/cloud';
import { adminView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';

const answer = fakeCloud({
  'account.me': { account: adminView() },
  'evaluation.unitComplaints': (): Envelope<FixtureOf<'evaluation.unitComplaints'>> => ({ ok: true, data: { items: [], nextCursor: null } }),
});
const asked = (page: OpenedPage) => page.cloud.calls.filter((c) => c.data.action === 'unitComplaints').map((c) => (c.data.data as { status: string }).status);

/** 投诉处理 in the mini-program for a level-1 admin: the status tabs over the list, each asking for its own. */
describe('the complaints page in the mini-program', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage('admin/evaluation/complaints', { answer });
    await page.waitFor('.list-end');
  });

  test('opens on the complaints waiting to be verified, once the admin is known', () => {
    expect(page.texts('.ow-chip')).toEqual(['待核实', '已答复']);
    expect(page.findAll('.tab-pending.ow-chip--on')).toHaveLength(1);
    expect(asked(page)).toEqual(['pending']);
    expect(page.texts('.list-end')).toEqual(['没有待核实的投诉']);
  });

  test('the other tab lights up and asks for the answered ones', async () => {
    await page.tap('.tab-responded');
    await page.waitUntil(() => page.texts('.list-end')[0] === '没有已答复的投诉', 'the answered list is shown');
    expect(asked(page)).toEqual(['pending', 'responded']);
    expect(page.findAll('.tab-responded.ow-chip--on')).toHaveLength(1);
    expect(page.findAll('.tab-pending.ow-chip--on')).toHaveLength(0);
  });
});
