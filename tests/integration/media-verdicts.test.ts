import type { AuditDoc } from '../../cloudfunctions/app/collections';
import type { CreationEntryDoc } from '../../cloudfunctions/app/collections/creationlog';
import type { MediaCheckDoc } from '../../cloudfunctions/app/collections/media';
import { imageHash } from '../../cloudfunctions/adapters/content/word-list-content-security';
import { wxaMediaCheckEvent } from '../../cloudfunctions/app/media-verdicts/event';
import { receiveMediaVerdict } from '../../cloudfunctions/app/media-verdicts/receive';
import { MEDIA_CHECK_EXPIRES_AFTER_MS, mediaVerdicts } from '../../cloudfunctions/app/jobs/media-verdicts';
import { findAll } from '../../cloudfunctions/app/ports/store';
import { completeContent, draft, PNG, putImage, signInAgain } from '../support/creationlog';
import { seedHierarchy, TestApp } from '../support/harness';
import type { Caller } from '../../cloudfunctions/app/context';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

/** Photos the local content check holds until a verdict arrives (as WeChat's mediaCheckAsync does every photo). */
const HELD = Buffer.concat([PNG, Buffer.from('held-photo-1')]);
const HELD_TOO = Buffer.concat([PNG, Buffer.from('held-photo-2')]);

let app: TestApp;
let h: Hierarchy;

beforeEach(async () => {
  app = new TestApp({ heldImages: [imageHash(HELD), imageHash(HELD_TOO)] });
  h = await seedHierarchy(app);
});
afterEach(() => app.close());

const upload = async (bytes: Buffer, caller = h.collective.caller) =>
  (await app.ok('creationlog', 'checkImage', await putImage(app, caller, { image: bytes }), caller)).image.url;

/** A submitted entry with these images, marked 公开 by its collective. */
async function markedPublic(images: Buffer[]) {
  const urls = [];
  for (const bytes of images) urls.push(await upload(bytes));
  const written = await draft(app, h.collective.caller, completeContent({ images: urls }));
  const entry = (await app.ok('creationlog', 'submit', { entryId: written.id, version: written.version }, h.collective.caller)).entry;
  return (await app.ok('creationlog', 'setPublic', { entryId: entry.id, public: true, version: entry.version }, h.collective.caller)).entry;
}

const publicTitles = async () => (await app.ok('evaluation', 'publicPage', { collectiveId: h.collective.accountId })).entries.items.map((e) => e.title);
const stateOf = async (entryId: string) => (await app.ok('creationlog', 'getMine', { entryId }, h.collective.caller)).entry.publicState;
const pendingChecks = () => findAll<MediaCheckDoc>(app.store, 'mediaChecks', { where: { state: 'pending' }, orderBy: { fields: ['createdAt'], direction: 'asc' } });
const verdictAudits = (entryId: string) =>
  findAll<AuditDoc>(app.store, 'audit', { where: { objectId: entryId, action: 'creationlog.mediaVerdict' }, orderBy: { fields: ['at'], direction: 'asc' } });

describe('a creation-log entry held 审核中 until its images’ verdicts arrive', () => {
  test('an image under review holds the entry off the 三亮 page; its pass releases it, audited as the system', async () => {
    const entry = await markedPublic([PNG, HELD]);
    expect(entry.publicState).toBe('review');
    expect(await publicTitles()).toEqual([]);
    expect((await pendingChecks()).map((c) => c.subject)).toEqual([{ kind: 'creationEntry', entryId: entry.id, url: entry.images[1] }]);

    expect(await app.deliverVerdicts(imageHash(HELD), 'pass')).toEqual(['applied']);
    expect(await stateOf(entry.id)).toBe('public');
    expect(await publicTitles()).toEqual([entry.title]);
    expect(await verdictAudits(entry.id)).toEqual([expect.objectContaining({ actorKind: 'system', before: { publicState: 'review' }, after: { publicState: 'public' } })]);
  });

  test('with two images under review, the entry waits for both: one pass is not enough', async () => {
    const entry = await markedPublic([HELD, HELD_TOO]);
    await app.deliverVerdicts(imageHash(HELD), 'pass');
    expect(await stateOf(entry.id)).toBe('review');
    expect(await publicTitles()).toEqual([]);
    await app.deliverVerdicts(imageHash(HELD_TOO), 'pass');
    expect(await stateOf(entry.id)).toBe('public');
  });

  test('a risky image keeps the entry off the page, and the collective is told why', async () => {
    const entry = await markedPublic([HELD, HELD_TOO]);
    expect(await app.deliverVerdicts(imageHash(HELD), 'risky')).toEqual(['applied']);
    expect(await stateOf(entry.id)).toBeNull();
    expect(await publicTitles()).toEqual([]);
    const told = (await app.mailbox()).filter((m) => m.subject === '[creationLogNotPublic] 创建日志未能公开');
    expect(told).toEqual([expect.objectContaining({ to: `微信 account:${h.collective.accountId}`, text: expect.stringContaining(`「${entry.title}」的图片未通过内容安全检查`) })]);
    expect(await verdictAudits(entry.id)).toEqual([expect.objectContaining({ after: { publicState: null }, reason: '图片未通过内容安全检查' })]);
    // The other image's later pass changes nothing: the hold is gone.
    await app.deliverVerdicts(imageHash(HELD_TOO), 'pass');
    expect(await stateOf(entry.id)).toBeNull();
  });

  test('an image whose verdict never comes: seven days on the entry is not public, the collective is told it may mark it again, and a late push changes nothing', async () => {
    const markedAt = app.clock.getTime();
    const entry = await markedPublic([PNG, HELD]);
    app.clock = new Date(markedAt + MEDIA_CHECK_EXPIRES_AFTER_MS - 1000);
    await signInAgain(app, [h.collective]);
    await mediaVerdicts.run(app.deps);
    expect(await stateOf(entry.id)).toBe('review');
    expect(await pendingChecks()).toHaveLength(1);

    app.clock = new Date(markedAt + MEDIA_CHECK_EXPIRES_AFTER_MS);
    await mediaVerdicts.run(app.deps);
    expect(await stateOf(entry.id)).toBeNull();
    expect(await publicTitles()).toEqual([]);
    expect(await pendingChecks()).toEqual([]);
    expect(await findAll<MediaCheckDoc>(app.store, 'mediaChecks', { where: { state: 'expired' }, orderBy: { fields: ['createdAt'], direction: 'asc' } })).toEqual([expect.objectContaining({ verdict: null })]);
    const told = (await app.mailbox()).filter((m) => m.subject === '[creationLogNotPublic] 创建日志未能公开');
    expect(told).toEqual([
      expect.objectContaining({ to: `微信 account:${h.collective.accountId}`, text: expect.stringContaining(`「${entry.title}」的图片审核超时，未在三亮主页公开。如需公开，可重新标记公开。`) }),
    ]);
    expect(await verdictAudits(entry.id)).toEqual([expect.objectContaining({ actorKind: 'system', after: { publicState: null }, reason: '图片审核超时' })]);

    const settled = await app.snapshot();
    await mediaVerdicts.run(app.deps);
    expect(await app.deliverVerdicts(imageHash(HELD), 'pass')).toEqual([]);
    expect(await receiveMediaVerdict(app.deps, wxaMediaCheckEvent((settled.mediaChecks[0] as MediaCheckDoc).traceId, 'pass', app.clock))).toBe('duplicate');
    expect(await app.snapshot()).toEqual(settled);

    // Marked again, it is checked again.
    const current = (await app.ok('creationlog', 'getMine', { entryId: entry.id }, h.collective.caller)).entry;
    expect((await app.ok('creationlog', 'setPublic', { entryId: entry.id, public: true, version: current.version }, h.collective.caller)).entry.publicState).toBe('review');
    await app.deliverVerdicts(imageHash(HELD), 'pass');
    expect(await stateOf(entry.id)).toBe('public');
  });

  test('a verdict of review keeps it held; marking it again checks it again', async () => {
    const entry = await markedPublic([HELD]);
    await app.deliverVerdicts(imageHash(HELD), 'review');
    expect(await stateOf(entry.id)).toBe('review');
    expect(await publicTitles()).toEqual([]);
    const current = (await app.ok('creationlog', 'getMine', { entryId: entry.id }, h.collective.caller)).entry;
    const again = (await app.ok('creationlog', 'setPublic', { entryId: entry.id, public: true, version: current.version }, h.collective.caller)).entry;
    expect(again.publicState).toBe('review');
    await app.deliverVerdicts(imageHash(HELD), 'pass');
    expect(await stateOf(entry.id)).toBe('public');
  });

  test('a verdict for an entry withdrawn meanwhile changes nothing', async () => {
    const entry = await markedPublic([HELD]);
    await app.ok('creationlog', 'setPublic', { entryId: entry.id, public: false, version: entry.version }, h.collective.caller);
    const before = await app.store.get<CreationEntryDoc>('creationEntries', entry.id);
    expect(await app.deliverVerdicts(imageHash(HELD), 'pass')).toEqual(['applied']);
    expect(await app.store.get<CreationEntryDoc>('creationEntries', entry.id)).toEqual(before);
    expect(await publicTitles()).toEqual([]);
  });

  test('the same push twice is applied once', async () => {
    const entry = await markedPublic([HELD]);
    const [check] = await pendingChecks();
    const push = wxaMediaCheckEvent(check.traceId, 'pass', app.clock);
    expect(await receiveMediaVerdict(app.deps, push)).toBe('applied');
    const after = await app.snapshot();
    expect(await receiveMediaVerdict(app.deps, push)).toBe('duplicate');
    expect(await receiveMediaVerdict(app.deps, { ...push, result: { suggest: 'risky', label: 20002 } })).toBe('duplicate');
    expect(await app.snapshot()).toEqual(after);
    expect(await stateOf(entry.id)).toBe('public');
    expect(await verdictAudits(entry.id)).toHaveLength(1);
  });

  test('something that is no verdict is ignored; a trace id nobody recorded changes nothing and is dropped after an hour', async () => {
    const entry = await markedPublic([HELD]);
    const before = await app.snapshot();
    expect(await receiveMediaVerdict(app.deps, { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'x', isrisky: 0, status_code: 0 })).toBe('ignored');
    expect(await receiveMediaVerdict(app.deps, { action: 'evaluate', data: {} })).toBe('ignored');
    expect(await receiveMediaVerdict(app.deps, null)).toBe('ignored');
    expect(await app.snapshot()).toEqual(before);

    const unknown = wxaMediaCheckEvent('6900aaaa-00000000-unknown', 'risky', app.clock);
    expect(await receiveMediaVerdict(app.deps, unknown)).toBe('unknown');
    expect(await receiveMediaVerdict(app.deps, unknown)).toBe('unknown');
    const { earlyMediaVerdicts, ...rest } = await app.snapshot();
    expect(rest).toEqual({ ...before, earlyMediaVerdicts: undefined });
    expect(earlyMediaVerdicts).toEqual([expect.objectContaining({ traceId: '6900aaaa-00000000-unknown', suggest: 'risky' })]);
    await mediaVerdicts.run(app.deps);
    expect(await findAll(app.store, 'earlyMediaVerdicts', { orderBy: { fields: ['receivedAt'], direction: 'asc' } })).toHaveLength(1);
    app.advance(61);
    await mediaVerdicts.run(app.deps);
    expect(await findAll(app.store, 'earlyMediaVerdicts', { orderBy: { fields: ['receivedAt'], direction: 'asc' } })).toEqual([]);
    expect(await stateOf(entry.id)).toBe('review');
  });

  test('a verdict that overtakes the commit of its hold is applied by the job once the hold is there', async () => {
    const local = app.deps.contentSecurity;
    // WeChat answered this trace id for the entry's image, and its push arrived before setPublic committed.
    app.deps.contentSecurity = { checkText: (check) => local.checkText(check), checkImage: async () => ({ verdict: 'review', traceId: '690b03d2-early-push' }) };
    expect(await receiveMediaVerdict(app.deps, wxaMediaCheckEvent('690b03d2-early-push', 'pass', app.clock))).toBe('unknown');
    const entry = await markedPublic([PNG]);
    expect(entry.publicState).toBe('review');
    await mediaVerdicts.run(app.deps);
    expect(await stateOf(entry.id)).toBe('public');
    expect(await publicTitles()).toEqual([entry.title]);
    expect(await findAll(app.store, 'earlyMediaVerdicts', { orderBy: { fields: ['receivedAt'], direction: 'asc' } })).toEqual([]);
  });
});

describe('photos on evaluations', () => {
  const visitor = (n: number): Caller => ({ openid: `o-photographer-${n}`, ip: `10.1.0.${n}` });
  const uploadPhoto = (bytes: Buffer, caller: Caller, contentType = 'image/png') =>
    app.call('evaluation', 'uploadPhoto', { contentType, base64: bytes.toString('base64') }, caller);
  const photoOf = async (bytes: Buffer, caller: Caller) => {
    const answer = await uploadPhoto(bytes, caller);
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data.url;
  };
  const codeOf = async () => (await app.ok('evaluation', 'publicPage', { collectiveId: h.collective.accountId })).collective.code;
  const comments = async () => (await app.ok('evaluation', 'publicPage', { collectiveId: h.collective.accountId })).comments.items;

  test('a photo under review is hidden until its verdict passes; then it shows with the comment', async () => {
    const rater = visitor(1);
    const [plain, held] = [await photoOf(PNG, rater), await photoOf(HELD, rater)];
    expect(plain).toMatch(/^\/files\/evaluation\/photos\/[0-9a-f]{32}\.png$/);
    const { evaluation } = await app.ok('evaluation', 'evaluate', { code: await codeOf(), rating: 5, comment: '窗口服务热情', photos: [plain, held] }, rater);
    expect(evaluation.myPhotos).toEqual([
      { url: plain, state: 'shown' },
      { url: held, state: 'review' },
    ]);
    expect(await comments()).toEqual([expect.objectContaining({ comment: '窗口服务热情', photos: [plain] })]);

    expect(await app.deliverVerdicts(imageHash(HELD), 'pass')).toEqual(['applied']);
    expect(await comments()).toEqual([expect.objectContaining({ comment: '窗口服务热情', photos: [plain, held] })]);
    expect((await app.ok('evaluation', 'myEvaluations', {}, rater)).items[0].myPhotos).toEqual([
      { url: plain, state: 'shown' },
      { url: held, state: 'shown' },
    ]);
  });

  test('an evaluation with photos and no comment shows once a photo passes; a risky photo never shows', async () => {
    const rater = visitor(2);
    const [first, second] = [await photoOf(HELD, rater), await photoOf(HELD_TOO, rater)];
    await app.ok('evaluation', 'evaluate', { code: await codeOf(), rating: 4, photos: [first, second] }, rater);
    expect(await comments()).toEqual([]);
    await app.deliverVerdicts(imageHash(HELD_TOO), 'risky');
    expect(await comments()).toEqual([]);
    await app.deliverVerdicts(imageHash(HELD), 'pass');
    expect(await comments()).toEqual([expect.objectContaining({ rating: 4, comment: null, photos: [first] })]);
    expect((await app.ok('evaluation', 'myEvaluations', {}, rater)).items[0].myPhotos).toEqual([
      { url: first, state: 'shown' },
      { url: second, state: 'removed' },
    ]);
  });

  test('WeChat’s verdict of review leaves the photo to the managing unit: its admins are told, and 计入 shows it', async () => {
    const rater = visitor(6);
    const held = await photoOf(HELD, rater);
    const { evaluation } = await app.ok('evaluation', 'evaluate', { code: await codeOf(), rating: 5, photos: [held] }, rater);
    const queue = async () => (await app.ok('evaluation', 'evaluationReviews', { status: 'pending' }, h.admin3.caller)).items;
    expect(await queue()).toEqual([]);

    expect(await app.deliverVerdicts(imageHash(HELD), 'review')).toEqual(['applied']);
    expect(await comments()).toEqual([]);
    expect(await queue()).toEqual([expect.objectContaining({ id: evaluation.id, photosInReview: true, reviewPhotos: [held] })]);
    const told = (await app.mailbox()).filter((m) => m.subject.startsWith('[evaluationHeld]'));
    expect(told).toEqual([expect.objectContaining({ to: `微信 account:${h.admin3.accountId}`, text: expect.stringContaining('「岳阳市公交一路青年班组」有一条评价待审核') })]);
    expect(JSON.stringify(told)).not.toContain('o-photographer');

    await app.ok('evaluation', 'decideEvaluationReview', { evaluationId: evaluation.id, count: true }, h.admin3.caller);
    expect(await comments()).toEqual([expect.objectContaining({ rating: 5, comment: null, photos: [held] })]);
  });

  test('a photo whose verdict never comes stays hidden: seven days on it is settled as not passed', async () => {
    const rater = visitor(5);
    const held = await photoOf(HELD, rater);
    const ratedAt = app.clock.getTime();
    await app.ok('evaluation', 'evaluate', { code: await codeOf(), rating: 5, photos: [held] }, rater);
    const mine = async () => (await app.ok('evaluation', 'myEvaluations', {}, rater)).items[0].myPhotos;
    app.clock = new Date(ratedAt + MEDIA_CHECK_EXPIRES_AFTER_MS - 1000);
    await mediaVerdicts.run(app.deps);
    expect(await mine()).toEqual([{ url: held, state: 'review' }]);

    app.clock = new Date(ratedAt + MEDIA_CHECK_EXPIRES_AFTER_MS);
    await mediaVerdicts.run(app.deps);
    expect(await mine()).toEqual([{ url: held, state: 'removed' }]);
    expect(await comments()).toEqual([]);
    // Only the evaluator sees the outcome; it was never public, so nobody is told.
    expect(await app.mailbox()).toEqual([]);
    const settled = await app.snapshot();
    await mediaVerdicts.run(app.deps);
    expect(await receiveMediaVerdict(app.deps, wxaMediaCheckEvent((settled.mediaChecks[0] as MediaCheckDoc).traceId, 'pass', app.clock))).toBe('duplicate');
    expect(await app.snapshot()).toEqual(settled);
    expect(await comments()).toEqual([]);
  });

  test('a photo whose bytes are not the image type claimed is refused at its field', async () => {
    expect(await uploadPhoto(PNG, visitor(1), 'image/jpeg')).toMatchObject({ ok: false, error: { code: 'PHOTO_INVALID', fields: { base64: '照片：请上传 JPEG 或 PNG 图片' } } });
    expect(await uploadPhoto(Buffer.from('%PDF-1.4 not a photo at all'), visitor(1))).toMatchObject({ ok: false, error: { code: 'PHOTO_INVALID' } });
    expect(await uploadPhoto(PNG, {})).toMatchObject({ ok: false, error: { code: 'VISITOR_REQUIRED' } });
  });

  test('another visitor’s photo, or any other address, is refused and nothing is written', async () => {
    const someoneElses = await photoOf(PNG, visitor(1));
    const collectiveImage = await upload(PNG);
    const code = await codeOf();
    const before = await app.snapshot();
    for (const photos of [[someoneElses], [collectiveImage], ['https://example.com/a.png']]) {
      expect(await app.call('evaluation', 'evaluate', { code, rating: 5, photos }, visitor(2))).toMatchObject({
        ok: false,
        error: { code: 'PHOTO_NOT_UPLOADED', fields: { photos: '请通过“添加照片”上传' } },
      });
    }
    expect(await app.snapshot()).toEqual(before);
  });

  test('at most three photos', async () => {
    const rater = visitor(3);
    const photos = [];
    for (let i = 0; i < 4; i++) photos.push(await photoOf(Buffer.concat([PNG, Buffer.from(`p${i}`)]), rater));
    expect(await app.call('evaluation', 'evaluate', { code: await codeOf(), rating: 5, photos }, rater)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { photos: '照片：最多3张' } },
    });
  });

  test('uploads are counted per visitor', async () => {
    const limited = new TestApp({ limits: { evaluationPhotosPerVisitor: { limit: 2, windowSeconds: 86_400 } } });
    try {
      const rater = visitor(4);
      const send = () => limited.call('evaluation', 'uploadPhoto', { contentType: 'image/png', base64: PNG.toString('base64') }, rater);
      expect((await send()).ok).toBe(true);
      expect((await send()).ok).toBe(true);
      expect(await send()).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    } finally {
      await limited.close();
    }
  });
});
