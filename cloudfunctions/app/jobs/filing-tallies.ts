import { countedTally, tallyChange, tallyOf, TALLY_VERSION } from '../../../shared/domain/filing/tally';
import type { FilingDoc } from '../collections/filing';
import type { Deps } from '../context';
import { addToCounts } from '../common/filing-counts';
import { eachDocument } from '../ports/store';
import { transact } from '../ports/transaction-retry';

/**
 * Filings counted before issue #14 are in their units' counters by status only. Each one whose whole
 * tally (往届, 非公, week of submission) adds more gets the difference added, in the same transaction that
 * marks it `tallied` and bumps its version: a reviewer's write prepared from the unmarked filing then meets
 * CONFLICT instead of taking away what was never added. Drafts and closed filings add nothing more and stay
 * unmarked (their status is their tally either way). A rerun finds only what is left.
 */
export async function upgradeFilingTallies(deps: Pick<Deps, 'store'>): Promise<number> {
  let upgraded = 0;
  for await (const seen of eachDocument<FilingDoc>(deps.store, 'filings', { orderBy: { fields: [], direction: 'asc' } })) {
    if (seen.tallied === TALLY_VERSION || Object.keys(tallyChange(countedTally(seen), tallyOf(seen))).length === 0) continue;
    await transact(deps.store, async (tx) => {
      const filing = await tx.get<FilingDoc>('filings', seen.id);
      if (!filing || filing.tallied === TALLY_VERSION) return;
      if (!(await tx.update('filings', filing.id, { set: { tallied: TALLY_VERSION, version: filing.version + 1 } }, { version: filing.version }))) return;
      await addToCounts(tx, filing.campaignId, filing.unitPath, tallyChange(countedTally(filing), tallyOf(filing)));
    });
    upgraded += 1;
  }
  return upgraded;
}
