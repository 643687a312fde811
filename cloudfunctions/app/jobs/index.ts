import type { Deps } from '../context';
import { openweekReminders } from './openweek-reminders';
import { filingReminders } from './filing-reminders';
import { purgeRateLimits } from './purge-rate-limits';
import { dataUpgrades } from './data-upgrades';
import { purgeExpired } from './purge-expired';
import { outbox } from './outbox';
import { evaluationEscalation } from './evaluation-escalation';
import { mediaVerdicts } from './media-verdicts';
import { complaintEscalation } from './complaint-escalation';
import { purgeAbandonedUploads } from './purge-abandoned-uploads';
import { purgeAbandonedPhotos } from './purge-abandoned-photos';
import { filingRollups } from './filing-rollups';

/**
 * Work that runs on a clock rather than on a request (reminders before a deadline, the day before an
 * event). The local host runs each on its interval; on CloudBase the `jobs` function's timer trigger does.
 * A run must be idempotent: it may run twice or late.
 */
export interface Job {
  everyMinutes: number;
  run(deps: Deps): Promise<void>;
}

/** In this order: the reminders' messages are outbox work that the same run then delivers if need be. */
export const JOBS: Record<string, Job> = {
  openweekReminders,
  filingReminders,
  purgeRateLimits,
  dataUpgrades,
  filingRollups,
  purgeExpired,
  purgeAbandonedUploads,
  purgeAbandonedPhotos,
  evaluationEscalation,
  mediaVerdicts,
  complaintEscalation,
  outbox,
};
