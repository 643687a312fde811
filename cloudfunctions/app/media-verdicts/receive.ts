import type { EarlyMediaVerdictDoc, MediaCheckDoc, MediaCheckSubject, MediaOutcome } from '../collections/media';
import { mediaCheckId } from '../common/media-checks';
import type { Deps } from '../context';
import { applyEntryImageVerdict } from '../features/creationlog/media-verdict';
import { applyPhotoVerdict } from '../features/evaluation/photo-verdict';
import { afterCommit } from '../outbox/perform';
import type { OutboxDoc } from '../outbox/records';
import { DuplicateKeyError, type StoreOps } from '../ports/store';
import { transact } from '../ports/transaction-retry';
import { parseMediaVerdict, type MediaVerdict } from './event';

/** What the verdict is applied to, by what the image was about; each feature applies its own. */
const APPLIERS: Record<MediaCheckSubject['kind'], (deps: Deps, tx: StoreOps, check: MediaCheckDoc, outcome: MediaOutcome) => Promise<OutboxDoc | null>> = {
  creationEntry: applyEntryImageVerdict,
  evaluationPhoto: applyPhotoVerdict,
};

/** applied: it changed what the check was about; duplicate: it was applied before; unknown: no check has that trace id; ignored: not a verdict. */
export type VerdictOutcome = 'applied' | 'duplicate' | 'unknown' | 'ignored';

/**
 * Applies an asynchronous image verdict (WeChat's `wxa_media_check` push; the local host's stand-in), once.
 * The check is marked applied in the same transaction as the change it makes, conditionally on it still
 * pending, so a repeated or concurrent push changes nothing. A trace id no check has yet is kept apart
 * (`earlyMediaVerdicts`): the push may have overtaken the commit that records the hold, and the
 * `mediaVerdicts` job tries it again; nothing else changes. Its caller has already established that the
 * platform, not a user, sent it (entries/cloudbase-main.ts).
 */
export async function receiveMediaVerdict(deps: Deps, event: unknown): Promise<VerdictOutcome> {
  const verdict = parseMediaVerdict(event);
  if (!verdict) return 'ignored';
  const outcome = await applyMediaVerdict(deps, verdict);
  if (outcome === 'unknown') await keepEarly(deps, verdict);
  return outcome;
}

/**
 * The verdict applied to the check its trace id names; `unknown` when there is none. `expired` (no verdict came in
 * time, jobs/media-verdicts.ts) settles it the same way, as not passed.
 */
export async function applyMediaVerdict(deps: Deps, verdict: { traceId: string; suggest: MediaOutcome }): Promise<VerdictOutcome> {
  const id = mediaCheckId(verdict.traceId);
  const { outcome, told } = await transact(deps.store, async (tx) => {
    const check = await tx.get<MediaCheckDoc>('mediaChecks', id);
    if (!check || check.traceId !== verdict.traceId) return { outcome: 'unknown' as const, told: null };
    if (check.state !== 'pending') return { outcome: 'duplicate' as const, told: null };
    const at = deps.now().toISOString();
    const settled = verdict.suggest === 'expired' ? { state: 'expired' as const, verdict: null } : { state: 'applied' as const, verdict: verdict.suggest };
    await tx.update('mediaChecks', id, { set: { ...settled, appliedAt: at } }, { state: 'pending' });
    return { outcome: 'applied' as const, told: await APPLIERS[check.subject.kind](deps, tx, check, verdict.suggest) };
  });
  await afterCommit(deps, [told]);
  return outcome;
}

async function keepEarly(deps: Deps, verdict: MediaVerdict): Promise<void> {
  const doc: EarlyMediaVerdictDoc = { id: mediaCheckId(verdict.traceId), traceId: verdict.traceId, suggest: verdict.suggest, receivedAt: deps.now().toISOString() };
  try {
    await deps.store.insert('earlyMediaVerdicts', doc);
  } catch (error) {
    // The same early push again: one record is enough.
    if (!(error instanceof DuplicateKeyError)) throw error;
  }
}
