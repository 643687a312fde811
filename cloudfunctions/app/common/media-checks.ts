import { createHash } from 'node:crypto';
import type { MediaCheckDoc, MediaCheckSubject } from '../collections/media';
import type { ContentScene, ContentVerdict, ImageVerdict } from '../ports/content-security';
import type { StoreOps } from '../ports/store';
import type { UseCaseContext } from '../context';

/**
 * Images whose content-security verdict arrives later (WeChat's mediaCheckAsync): each is recorded under the
 * trace id the check answered, with what it is about, in the transaction that holds it back; the receiver
 * (media-verdicts/receive.ts) finds it by that id when the verdict comes. Shared by the creation log's 公开 and
 * the photos on evaluations.
 */

/** Trace ids are WeChat's strings: the document id is their hash, so any character they hold is a safe id. */
export const mediaCheckId = (traceId: string): string => createHash('sha256').update(traceId).digest('hex').slice(0, 40);

/** Records one pending check, inside the caller's transaction. */
export async function holdForVerdict(tx: StoreOps, now: Date, traceId: string, subject: MediaCheckSubject): Promise<void> {
  const doc: MediaCheckDoc = { id: mediaCheckId(traceId), traceId, subject, state: 'pending', verdict: null, createdAt: now.toISOString(), appliedAt: null };
  await tx.insert('mediaChecks', doc);
}

export interface CheckedImage {
  url: string;
  verdict: ContentVerdict;
  /** Present when a verdict will arrive for this image. */
  traceId?: string;
}

/** Every image through the content-security port at once, each with its verdict and, for one under review, its trace id. */
export async function checkImages(ctx: Pick<UseCaseContext, 'contentSecurity'>, urls: readonly string[], scene: ContentScene, openid: string | undefined): Promise<CheckedImage[]> {
  const verdicts: ImageVerdict[] = await Promise.all(urls.map((url) => ctx.contentSecurity.checkImage({ url, scene, openid })));
  return urls.map((url, i) => ({ url, ...verdicts[i] }));
}
