import type { AccountDoc } from '../../collections';
import type { FilingDoc } from '../../collections/filing';
import { decisionsAt } from '../../../../shared/domain/filing/chain';
import { AWAITING_REVIEW } from '../../../../shared/domain/filing/status';

export type Possible = 'passUp' | 'sendBack' | 'approve' | 'return' | 'endorse';

/** What the caller may decide on this filing now: its own stage's decisions, or the office's opinion on an approved filing. */
export function possibleDecisions(actor: AccountDoc, filing: FilingDoc): Possible[] {
  if (actor.role === 'office') {
    return filing.status === 'approved' && !filing.opinions.some((o) => o.box === 'office') ? ['endorse'] : [];
  }
  if (actor.role !== 'admin' || !actor.level) return [];
  if (!AWAITING_REVIEW[filing.status] || filing.stage !== actor.level || filing.stageUnitId !== actor.unitId) return [];
  return decisionsAt(filing.stage);
}
