import type { Deps } from '../context';
import { DuplicateKeyError } from '../ports/store';
import { upgradeSeatShards } from '../features/openweek/seat-shards';
import { upgradeFilingTallies } from './filing-tallies';
import { upgradeSignupIds } from './opaque-signup-ids';
import { upgradeCreationActivity } from '../common/creation-activity';
import { upgradePublicPages } from '../common/collectives';
import { upgradePagePlaces } from '../common/public-pages';
import { upgradeCaseFields } from '../features/evaluation/follow-up';
import { upgradeEntryCounts } from '../features/creationlog/counts';
import { upgradeComplaintFields } from './complaint-escalation';
import { upgradeUnitCounts } from '../features/evaluation/counts';

/**
 * Upgrades of data written by older versions. No index serves "documents of the old shape", so each pass
 * reads its whole collection; once a pass completes it is recorded in `dataUpgrades`, and later starts and
 * timer runs cost one read. Nothing of the old shape can appear afterwards: current code never writes it.
 */
const UPGRADES: Record<string, (deps: Deps) => Promise<number>> = {
  // Signups keyed `${eventId}:${visitorId}` (before issue #8) get random ids.
  opaqueSignupIds: upgradeSignupIds,
  // Events that counted their seats on themselves (before issue #9) get seat shards.
  seatShards: upgradeSeatShards,
  // Collectives issued before the creation log (issue #13) get the activity record the silent list reads.
  creationActivity: upgradeCreationActivity,
  // Filings counted by status only (before issue #14) get 往届, 非公 and their week added to the counters.
  filingTallies: upgradeFilingTallies,
  // Collectives from before the 三亮 page's public code came with their document (issue #12) get it.
  publicPages: upgradePublicPages,
  // Pages from before they carried their collective's unit path and standing (the 考评's item 9 counts by them) get them.
  pagePlaces: upgradePagePlaces,
  // 差评 cases from before they carried their campaign and whether they were answered in time (the 考评's item 4) get both.
  caseFields: upgradeCaseFields,
  // Creation-log guidance given and entries read before they were counted (the 考评's item 5 shows both) get counted, once.
  creationEntryCounts: upgradeEntryCounts,
  // Complaints from before the escalation job and the collective's own rectification get the fields their queries find them by.
  complaintFields: upgradeComplaintFields,
  // Evaluations and appeals from before the admins' statistics get counted in their units' counters, once.
  evaluationUnitCounts: upgradeUnitCounts,
};

export async function runDataUpgrades(deps: Deps): Promise<void> {
  for (const [name, upgrade] of Object.entries(UPGRADES)) {
    if (await deps.store.get('dataUpgrades', name)) continue;
    await upgrade(deps);
    try {
      await deps.store.insert('dataUpgrades', { id: name, completedAt: deps.now().toISOString() });
    } catch (error) {
      // Another instance completed the same pass at the same time.
      if (!(error instanceof DuplicateKeyError)) throw error;
    }
  }
}

/** On CloudBase the timer completes the upgrades after a deploy; the local host also runs them before it serves. */
export const dataUpgrades = {
  everyMinutes: 60,
  run: runDataUpgrades,
};
