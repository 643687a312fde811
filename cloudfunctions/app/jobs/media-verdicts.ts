import type { EarlyMediaVerdictDoc, MediaCheckDoc } from '../collections/media';
import type { Deps } from '../context';
import { applyMediaVerdict } from '../media-verdicts/receive';
import { eachDocument } from '../ports/store';

/** How long a verdict that found no check is tried again: far longer than any hold's transaction takes to commit. */
export const EARLY_VERDICT_MINUTES = 60;

/** How long a check waits for its verdict before it is settled as not passed (WeChat answers within minutes). */
export const MEDIA_CHECK_EXPIRES_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Verdicts that arrived before the hold they answer was committed are applied once it is (idempotently, as any
 * push); one still matching no check after an hour answers nothing of ours and is dropped. A check still pending
 * seven days after it was recorded never will be answered: it is settled as `expired` through the receiver's own
 * path (what it held stays off the page, and whoever must act is told), so a late push then changes nothing.
 */
export const mediaVerdicts = {
  everyMinutes: 10,
  async run(deps: Deps): Promise<void> {
    const now = deps.now().getTime();
    const giveUpBefore = new Date(now - EARLY_VERDICT_MINUTES * 60_000).toISOString();
    const early = eachDocument<EarlyMediaVerdictDoc>(deps.store, 'earlyMediaVerdicts', { orderBy: { fields: ['receivedAt'], direction: 'asc' } });
    for await (const verdict of early) {
      const outcome = await applyMediaVerdict(deps, verdict);
      if (outcome !== 'unknown' || verdict.receivedAt <= giveUpBefore) await deps.store.remove('earlyMediaVerdicts', verdict.id);
    }
    const recordedBy = new Date(now - MEDIA_CHECK_EXPIRES_AFTER_MS).toISOString();
    const stale = eachDocument<MediaCheckDoc>(deps.store, 'mediaChecks', {
      where: { state: 'pending', createdAt: { $lte: recordedBy } },
      orderBy: { fields: ['createdAt'], direction: 'asc' },
    });
    for await (const check of stale) await applyMediaVerdict(deps, { traceId: check.traceId, suggest: 'expired' });
  },
};
