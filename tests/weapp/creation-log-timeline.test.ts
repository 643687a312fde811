import { fakeCloud } from './support/cloud';
import { accountView, entryCardView } from './support/fixtures';
import { openPage, type OpenedPage } from './support/mini-program';

const byCategory = (counts: Record<string, number>) => ({ post: 0, innovation: 0, volunteer: 0, openweek: 0, learning: 0, sanliang: 0, other: 0, ...counts });
const submitted = (id: string, title: string, submittedAt: string, category: 'post' | 'volunteer' | 'learning') =>
  entryCardView({ id, title, category, workDate: submittedAt.slice(0, 10), submittedAt, updatedAt: submittedAt });

/** A collective that last submitted 40 days ago: two entries in October (China time), one late on 30 September. */
const answer = fakeCloud({
  'account.me': { account: accountView() },
  'creationlog.overview': {
    categories: [],
    months: [
      { month: '2018-10', total: 2, byCategory: byCategory({ volunteer: 1, learning: 1 }) },
      { month: '2018-09', total: 1, byCategory: byCategory({ post: 1 }) },
    ],
    lastSubmittedAt: '2018-10-11T02:00:00.000Z',
    silentDays: 40,
    prompt: true,
  },
  'creationlog.listMine': (call) => {
    if ((call.data.data as { status?: string }).status === 'draft') return { ok: true, data: { items: [], nextCursor: null } };
    return {
      ok: true,
      data: {
        items: [
          submitted('e3', '青年理论学习', '2018-10-11T02:00:00.000Z', 'learning'),
          submitted('e2', '志愿服务日', '2018-10-02T02:00:00.000Z', 'volunteer'),
          // 23:30 China time on 30 September: September's, the last day of that month.
          submitted('e1', '岗位练兵', '2018-09-30T15:30:00.000Z', 'post'),
        ],
        nextCursor: null,
      },
    };
  },
  'openweek.myEvents': { items: [], nextCursor: null },
});

/** The collective's 创建日志 page of the real weapp build in miniprogram-simulate. */
describe('the mini-program creation-log timeline', () => {
  let page: OpenedPage;
  beforeAll(async () => {
    page = await openPage('collective/creationlog/index', { answer });
  });

  test('asks for an entry after 30 silent days, and says there are no drafts', async () => {
    await page.waitFor('.cl-prompt');
    expect(page.texts('.cl-prompt')[0]).toContain('已有 40 天没有提交创建日志。');
    await page.waitFor('.cl-drafts .list-end');
    expect(page.texts('.cl-drafts .list-end')).toEqual(['没有草稿']);
  });

  test('groups submitted entries by China-time month, newest first, each month with its counts per category', async () => {
    await page.waitFor('.cl-month-group');
    expect(page.texts('.cl-timeline .entry-title')).toEqual(['青年理论学习', '志愿服务日', '岗位练兵']);
    expect(page.findAll('.month-2018-10 .entry-card')).toHaveLength(2);
    expect(page.findAll('.month-2018-09 .entry-card')).toHaveLength(1);
    expect(page.texts('.month-counts')).toEqual(['共 2 条：志愿服务 1 · 学习培训 1', '共 1 条：岗位建功 1']);
  });

  test('each entry lists the thumbnails of its images, not the images', async () => {
    await page.waitFor('.entry-thumbnail');
    expect(page.findAll('.entry-e3 .cl-thumb__image').map((image) => image.toJSON().attrs.find((attr) => attr.name === 'src')?.value)).toEqual([
      'cloud://env/creationlog/acc-1/a-320.jpg',
      'cloud://env/creationlog/acc-1/b-320.jpg',
    ]);
  });
});
