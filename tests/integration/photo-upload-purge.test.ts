import type { PhotoUploadDoc } from '../../cloudfunctions/app/collections/media';
import { purgeAbandonedPhotos } from '../../cloudfunctions/app/jobs/purge-abandoned-photos';
import type { Caller } from '../../cloudfunctions/app/context';
import { PNG } from '../support/creationlog';
import { wechatVisitor } from '../support/evaluation';
import { seedFiling, submitComplete } from '../support/filing';
import { TestApp } from '../support/harness';

type World = Awaited<ReturnType<typeof seedFiling>>;

const DAY_MS = 24 * 60 * 60 * 1000;
const REPORT = '暗访当日上午十点到站，窗口仅开放一个，等候二十分钟，工作人员未佩戴工牌。';

describe('the public’s photos that nothing names are deleted a day after upload', () => {
  let app: TestApp;
  let w: World;
  let code: string;
  const rater = wechatVisitor(3);
  const supervisorPerson = wechatVisitor(4);
  let supervisorId: string;

  beforeEach(async () => {
    app = new TestApp();
    w = await seedFiling(app);
    await submitComplete(app, w.campaignId, w.collective.caller);
    code = (await app.ok('evaluation', 'publicPage', { collectiveId: w.collective.accountId })).collective.code;
    const { supervisor, invitation } = await app.ok('evaluation', 'appointSupervisor', { unitId: w.units.bureau.id, name: '李监督' }, w.admin2.caller);
    await app.ok('evaluation', 'redeemInvitation', { code: invitation.code }, supervisorPerson);
    supervisorId = supervisor.id;
  });
  afterEach(() => app.close());

  let n = 0;
  const bytes = () => Buffer.concat([PNG, Buffer.from(`photo-${n++}`)]).toString('base64');
  const evaluationPhoto = async (who: Caller = rater) => (await app.ok('evaluation', 'uploadPhoto', { contentType: 'image/png', base64: bytes() }, who)).url;
  const reportPhoto = async () => (await app.ok('evaluation', 'uploadReportPhoto', { supervisorId, contentType: 'image/png', base64: bytes() }, supervisorPerson)).url;
  const fileReport = (photos: string[]) => app.call('evaluation', 'fileReport', { supervisorId, code, visitDate: '2018-11-18', rating: 2, tags: [], text: REPORT, photos }, supervisorPerson);
  const stored = (url: string) => app.deps.files!.read(url);
  const uploadOf = (url: string) => app.store.get<PhotoUploadDoc>('photoUploads', app.deps.files!.keyOf(url)!.split('/').pop()!.slice(0, 32));
  const purgeAt = async (ms: number) => {
    const now = app.clock;
    app.clock = new Date(now.getTime() + ms);
    await purgeAbandonedPhotos.run(app.deps);
    app.clock = now;
  };

  test('at 24:00:00 after upload, not at 23:59:59; photos an evaluation or report named stay, even one replaced since; a rerun does nothing', async () => {
    const [rated, replaced, left, inRefused] = [await evaluationPhoto(), await evaluationPhoto(), await evaluationPhoto(), await evaluationPhoto()];
    const [reported, leftReport] = [await reportPhoto(), await reportPhoto()];
    expect(await app.call('evaluation', 'evaluate', { code, rating: 5, comment: '这里的人都是傻 逼，太差劲了，服务很烂', photos: [inRefused] }, rater)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
    await app.ok('evaluation', 'evaluate', { code, rating: 5, photos: [replaced] }, rater);
    // A second 综合点评 in the month replaces the first, photos and all; the first's photo was attached and stays.
    expect((await app.ok('evaluation', 'evaluate', { code, rating: 4, photos: [rated] }, rater)).replaced).toBe(true);
    expect((await fileReport([reported])).ok).toBe(true);

    await purgeAt(DAY_MS - 1000);
    for (const url of [rated, replaced, left, inRefused, reported, leftReport]) expect(await stored(url)).not.toBeNull();

    await purgeAt(DAY_MS);
    for (const url of [left, inRefused, leftReport]) {
      expect(await stored(url)).toBeNull();
      expect(await uploadOf(url)).toBeNull();
    }
    for (const url of [rated, replaced, reported]) {
      expect(await stored(url)).not.toBeNull();
      expect(await uploadOf(url)).toMatchObject({ attached: true });
    }
    expect((await app.ok('evaluation', 'myEvaluations', {}, rater)).items[0].myPhotos).toEqual([{ url: rated, state: 'shown' }]);

    // Running again deletes nothing more, and a deleted photo cannot be named any more.
    const before = await app.snapshot();
    await purgeAt(DAY_MS);
    expect(await app.snapshot()).toEqual(before);
    expect(await app.call('evaluation', 'evaluate', { code, rating: 5, photos: [left] }, rater)).toMatchObject({ ok: false, error: { code: 'PHOTO_NOT_UPLOADED', fields: { photos: '请通过“添加照片”上传' } } });
    expect(await fileReport([leftReport])).toMatchObject({ ok: false, error: { code: 'PHOTO_NOT_UPLOADED' } });
    expect(await app.snapshot()).toEqual(before);
  });

  test('a photo the purge has marked cannot be attached, and one half-deleted is finished by the next run', async () => {
    const [marked, reportMarked] = [await evaluationPhoto(), await reportPhoto()];
    // As the job leaves them when it stops between marking and deleting.
    for (const url of [marked, reportMarked]) expect(await app.store.update('photoUploads', (await uploadOf(url))!.id, { set: { removing: true } }, { attached: false })).toBe(true);
    const before = await app.snapshot();
    expect(await app.call('evaluation', 'evaluate', { code, rating: 5, photos: [marked] }, rater)).toMatchObject({ ok: false, error: { code: 'PHOTO_NOT_UPLOADED' } });
    expect(await fileReport([reportMarked])).toMatchObject({ ok: false, error: { code: 'PHOTO_NOT_UPLOADED' } });
    expect(await app.snapshot()).toEqual(before);

    await purgeAt(DAY_MS);
    for (const url of [marked, reportMarked]) {
      expect(await stored(url)).toBeNull();
      expect(await uploadOf(url)).toBeNull();
    }
  });
});
