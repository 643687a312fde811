import type { EarlyMediaVerdictDoc } from '../collections/media';
import type { Deps } from '../context';
import { applyMediaVerdict } from '../media-verdicts/receive';
import { eachDocument } from '../ports/store';

/** How long a verdict that found no check is tried again: far longer than any hold's transaction takes to commit. */
export const EARLY_VERDICT_MINUTES = 60;

/**
 * Verdicts that arrived before the hold they answer was committed are applied once it is (idempotently, as any
 * push); one still matching no check after an hour answers nothing of ours and is dropped.
 */
export const mediaVerdicts = {
  everyMinutes: 10,
  async run(deps: Deps): Promise<void> {
    const giveUpBefore = new Date(deps.now().getTime() - EARLY_VERDICT_MINUTES * 60_000).toISOString();
    const early = eachDocument<EarlyMediaVerdictDoc>(deps.store, 'earlyMediaVerdicts', { orderBy: { fields: ['receivedAt'], direction: 'asc' } });
    for await (const verdict of early) {
      const outcome = await applyMediaVerdict(deps, verdict);
      if (outcome !== 'unknown' || verdict.receivedAt <= giveUpBefore) await deps.store.remove('earlyMediaVerdicts', verdict.id);
    }
  },
};
