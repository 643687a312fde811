import { AppError } from '../../../../shared/errors';
import type { EvaluationDoc, EvaluationPhoto } from '../../collections/evaluation';
import { checkImages, holdForVerdict } from '../../common/media-checks';
import { assertOwnedPhotos } from '../../common/owned-photos';
import type { UseCaseContext } from '../../context';
import type { StoreOps } from '../../ports/store';

/** Where photos on evaluations go: random names, nothing of the evaluator (common/owned-photos.ts). */
export const PHOTO_FOLDER = 'evaluation/photos/';

const PHOTO_REFUSED = '照片：含有不宜公开的内容，请更换后再提交';

/**
 * The evaluation's photos: each one this visitor uploaded, each through content security. A passed photo is shown
 * with the evaluation; one under review waits for its verdict (its trace id kept, recorded as a pending check in
 * the evaluation's transaction); a rejected one refuses the evaluation, nothing written.
 */
export async function checkedPhotos(ctx: UseCaseContext, visitorId: string, urls: readonly string[]): Promise<EvaluationPhoto[]> {
  const unique = [...new Set(urls)];
  await assertOwnedPhotos(ctx, PHOTO_FOLDER, visitorId, unique, { code: 'PHOTO_NOT_UPLOADED', field: 'photos' });
  const photos = await screenedPhotos(ctx, visitorId.startsWith('wx:') ? visitorId.slice(3) : undefined, unique);
  if (photos.some((p) => p.state === 'removed')) throw new AppError('CONTENT_REJECTED', PHOTO_REFUSED, { photos: PHOTO_REFUSED });
  return photos;
}

/**
 * Photos through content security on behalf of `openid` (WeChat checks an image for a user who used the
 * mini-program in the last two hours): passed ones shown, those under review waiting for their verdict (by trace
 * id), rejected ones removed.
 */
export async function screenedPhotos(ctx: UseCaseContext, openid: string | undefined, urls: readonly string[]): Promise<EvaluationPhoto[]> {
  const checked = await checkImages(ctx, urls, 'comment', openid);
  return checked.map((c) =>
    c.verdict === 'pass' ? { url: c.url, state: 'shown' } : c.verdict === 'reject' ? { url: c.url, state: 'removed' } : { url: c.url, state: 'review', ...(c.traceId ? { traceId: c.traceId } : {}) },
  );
}

/** Inside the evaluation's write: photos whose verdict comes later are recorded with it, by their trace ids. */
export async function holdPhotos(tx: StoreOps, now: Date, e: EvaluationDoc): Promise<void> {
  for (const photo of e.photos ?? []) {
    if (photo.traceId) await holdForVerdict(tx, now, photo.traceId, { kind: 'evaluationPhoto', evaluationId: e.id, url: photo.url });
  }
}

/**
 * Whether the public list shows an evaluation: not held, not folded, and its comment passed — or, without a
 * comment, one of its photos did. A comment under review hides its photos too: they are shown with it.
 */
export const shownOnPage = (e: Pick<EvaluationDoc, 'held' | 'excluded' | 'commentState' | 'photos'>): boolean =>
  !e.held && !e.excluded && (e.commentState === 'shown' || (e.commentState === 'none' && (e.photos ?? []).some((p) => p.state === 'shown')));

/**
 * Photos under review that no verdict will ever reach (no OPENID, no temporary URL, the check could not be
 * submitted: no trace id): the managing unit's admins decide them (reviews.ts).
 */
export const unsentPhotos = (e: Pick<EvaluationDoc, 'photos'>): EvaluationPhoto[] => (e.photos ?? []).filter((p) => p.state === 'review' && !p.traceId);

/** The photos the public sees with a shown evaluation. */
export const shownPhotos = (e: Pick<EvaluationDoc, 'commentShown' | 'photos'>): string[] => (e.commentShown ? (e.photos ?? []).filter((p) => p.state === 'shown').map((p) => p.url) : []);
