import { localTracePrefix } from '../adapters/content/word-list-content-security';
import type { MediaCheckDoc } from '../app/collections/media';
import type { Deps } from '../app/context';
import { wxaMediaCheckEvent } from '../app/media-verdicts/event';
import { receiveMediaVerdict, type VerdictOutcome } from '../app/media-verdicts/receive';
import type { MediaSuggest } from '../app/ports/content-security';
import { eachDocument } from '../app/ports/store';

/**
 * One machine's stand-in for WeChat's verdict push: for every pending check of the image with this sha256 (held
 * by the local content check, CONTENT_HELD_IMAGES), the same `wxa_media_check` event WeChat would send, through
 * the same receiver the `mediacheck` function runs on CloudBase.
 */
export async function deliverLocalVerdicts(deps: Deps, imageHash: string, suggest: MediaSuggest): Promise<VerdictOutcome[]> {
  const prefix = localTracePrefix(imageHash);
  const traceIds: string[] = [];
  for await (const check of eachDocument<MediaCheckDoc>(deps.store, 'mediaChecks', { where: { state: 'pending' }, orderBy: { fields: ['createdAt'], direction: 'asc' } })) {
    if (check.traceId.startsWith(prefix)) traceIds.push(check.traceId);
  }
  const outcomes: VerdictOutcome[] = [];
  for (const traceId of traceIds) outcomes.push(await receiveMediaVerdict(deps, wxaMediaCheckEvent(traceId, suggest, deps.now())));
  return outcomes;
}
