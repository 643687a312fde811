import type { Caller } from '../../cloudfunctions/app/context';
import { seedHierarchy, TestApp } from '../support/harness';
import { expectOutcome, matrixCases } from '../support/authorization';
import { campaignIdOf, checkedVideo, completeContent, draft, putImage, putVideo, submitted, uploadImage } from '../support/creationlog';
import { mp4File } from '../support/mp4';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;
type World = Hierarchy & { draftId: string; draftVersion: number; entryId: string; entryVersion: number; campaignId: string; videoUrl: string; imageUrls: { url: string; thumbnailUrl: string } };
type Who = 'anonymous' | 'collective' | 'otherCollective' | 'admin3' | 'admin2' | 'admin1' | 'adminOutOfScope' | 'office';
type Outcome = 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'NOT_IN_SCOPE' | 'VIDEO_NOT_UPLOADED' | 'IMAGE_NOT_UPLOADED';

const callers: Record<Who, (h: Hierarchy) => Caller> = {
  anonymous: () => ({}),
  collective: (h) => h.collective.caller,
  otherCollective: (h) => h.countyCollective.caller,
  admin3: (h) => h.admin3.caller,
  admin2: (h) => h.admin2.caller,
  admin1: (h) => h.admin1.caller,
  adminOutOfScope: (h) => h.countyAdmin1.caller,
  office: (h) => h.office.caller,
};

/** The collective's own workspace: only it; another collective is told there is no such entry, admins may not call. */
const OWN: Record<Who, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  collective: 'ok',
  otherCollective: 'NOT_FOUND',
  admin3: 'FORBIDDEN',
  admin2: 'FORBIDDEN',
  admin1: 'FORBIDDEN',
  adminOutOfScope: 'FORBIDDEN',
  office: 'FORBIDDEN',
};
/** A collective action on nothing but its own workspace: every collective, no admin. */
const ANY_COLLECTIVE: Record<Who, Outcome> = { ...OWN, otherCollective: 'ok' };
/** An admin action on the collective's entry or unit (城区公交站, in the 交通 branch): its chain and the office, nobody else. */
const CHAIN: Record<Who, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  collective: 'FORBIDDEN',
  otherCollective: 'FORBIDDEN',
  admin3: 'ok',
  admin2: 'ok',
  admin1: 'ok',
  adminOutOfScope: 'NOT_IN_SCOPE',
  office: 'ok',
};

/** A campaign's categories: everyone signed in reads them; the office alone sets them. */
const EVERYONE_SIGNED_IN: Record<Who, Outcome> = { ...ANY_COLLECTIVE, admin3: 'ok', admin2: 'ok', admin1: 'ok', adminOutOfScope: 'ok', office: 'ok' };
const OFFICE_ONLY: Record<Who, Outcome> = { ...EVERYONE_SIGNED_IN, collective: 'FORBIDDEN', otherCollective: 'FORBIDDEN', admin3: 'FORBIDDEN', admin2: 'FORBIDDEN', admin1: 'FORBIDDEN', adminOutOfScope: 'FORBIDDEN' };

/**
 * Every action of `creationlog`, called by each kind of caller, against the 交通 collective's workspace:
 * a draft (`draftId`) and a submitted entry (`entryId`). Both collectives have opened their logs.
 */
const matrix: Array<{ action: string; input: (w: World) => Record<string, unknown>; expect: Record<Who, Outcome> }> = [
  { action: 'overview', input: () => ({}), expect: ANY_COLLECTIVE },
  { action: 'listMine', input: () => ({ status: 'submitted' }), expect: ANY_COLLECTIVE },
  { action: 'imageUploadPath', input: () => ({ contentType: 'image/jpeg', thumbnailType: 'image/jpeg' }), expect: ANY_COLLECTIVE },
  { action: 'getMine', input: (w) => ({ entryId: w.entryId }), expect: OWN },
  { action: 'saveDraft', input: (w) => ({ entryId: w.draftId, version: w.draftVersion, content: completeContent({ title: '改过的标题' }) }), expect: OWN },
  { action: 'submit', input: (w) => ({ entryId: w.draftId, version: w.draftVersion }), expect: OWN },
  { action: 'discardDraft', input: (w) => ({ entryId: w.draftId }), expect: OWN },
  { action: 'draftFromEvent', input: () => ({ eventId: 'no-such-event' }), expect: { ...OWN, collective: 'NOT_FOUND' } },
  { action: 'videoUploadPath', input: () => ({}), expect: ANY_COLLECTIVE },
  // A video the collective put into its own folder: no other collective can check it in as theirs.
  { action: 'checkVideo', input: (w) => ({ url: w.videoUrl }), expect: { ...OWN, otherCollective: 'VIDEO_NOT_UPLOADED' } },
  // Likewise an image and thumbnail it put at the paths it was given.
  { action: 'checkImage', input: (w) => w.imageUrls, expect: { ...OWN, otherCollective: 'IMAGE_NOT_UPLOADED' } },
  // Only the owning collective makes its submitted entry 公开 (or withdraws it).
  { action: 'setPublic', input: (w) => ({ entryId: w.entryId, public: true, version: w.entryVersion }), expect: OWN },
  { action: 'approveVideo', input: (w) => ({ entryId: w.entryId }), expect: CHAIN },
  { action: 'feed', input: (w) => ({ campaignId: w.campaignId, unitId: w.units.station.id }), expect: CHAIN },
  { action: 'readEntry', input: (w) => ({ entryId: w.entryId }), expect: CHAIN },
  { action: 'addGuidance', input: (w) => ({ entryId: w.entryId, text: '请补充服务人次的统计方法。' }), expect: CHAIN },
  { action: 'silentCollectives', input: (w) => ({ days: 30, unitId: w.units.station.id }), expect: CHAIN },
  { action: 'stats', input: (w) => ({ campaignId: w.campaignId, unitId: w.units.station.id }), expect: CHAIN },
  // A campaign's categories: anyone signed in who writes or reads entries; only the office sets them.
  { action: 'categories', input: (w) => ({ campaignId: w.campaignId }), expect: EVERYONE_SIGNED_IN },
  {
    action: 'setCategories',
    input: (w) => ({ campaignId: w.campaignId, version: 0, categories: [{ code: 'volunteer', label: '志愿服务', hidden: false }, { label: '青年突击队', hidden: false }] }),
    expect: OFFICE_ONLY,
  },
];

const cases = matrixCases<Who, Outcome, (typeof matrix)[number]>(matrix);

describe('who may call each creation-log action', () => {
  test.each(cases)('creationlog.$action by $who → $outcome', async ({ action, input, who, outcome }) => {
    const app = new TestApp();
    try {
      const h = await seedHierarchy(app);
      await app.ok('creationlog', 'overview', {}, h.countyCollective.caller);
      const entry = await submitted(app, h.collective.caller, { video: await checkedVideo(app, h.collective.caller, mp4File()) });
      const videoUrl = await putVideo(app, h.collective.caller, mp4File({ seconds: 30 }));
      const imageUrls = await putImage(app, h.collective.caller);
      const image = await uploadImage(app, h.collective.caller);
      const open = await draft(app, h.collective.caller, completeContent({ images: [image] }));
      const world: World = { ...h, draftId: open.id, draftVersion: open.version, entryId: entry.id, entryVersion: entry.version, campaignId: await campaignIdOf(app, h.office.caller), videoUrl, imageUrls };
      await expectOutcome(app, () => app.call('creationlog', action as never, input(world), callers[who](h)), outcome);
    } finally {
      await app.close();
    }
  });
});

describe('drafts do not exist for admins', () => {
  test('no admin lists, opens or guides a draft, whatever their level', async () => {
    const app = new TestApp();
    try {
      const h = await seedHierarchy(app);
      const open = await draft(app, h.collective.caller);
      const campaignId = await campaignIdOf(app, h.office.caller);
      for (const admin of [h.admin3, h.admin2, h.admin1, h.office]) {
        expect((await app.ok('creationlog', 'feed', { campaignId }, admin.caller)).items).toEqual([]);
        expect(await app.call('creationlog', 'readEntry', { entryId: open.id }, admin.caller)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
        expect(await app.call('creationlog', 'addGuidance', { entryId: open.id, text: '草稿不应可见' }, admin.caller)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      }
    } finally {
      await app.close();
    }
  });
});
