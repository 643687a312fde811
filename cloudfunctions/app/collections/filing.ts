import type { AdminLevel } from '../../../shared/domain/roles';
import type { FilingStatus } from '../../../shared/domain/filing/status';
import type { TitleLevel } from '../../../shared/domain/filing/rules';
import type { FilingDraftContent } from '../../../shared/contract/filing-content';
import type { IndexSpec } from './index-spec';
import type { TALLY_VERSION } from '../../../shared/domain/filing/tally';

/**
 * The review queue is read by "a unit's subtree, maybe one status, newest activity first". A `$prefix`
 * range on a path followed by ORDER BY another field cannot be served by one index, so each filing
 * carries its ancestor at every level (unitL1/L2/L3, '' when the unit is shallower): the subtree of a
 * level-k unit is then an equality on unitLk, and (campaignId, [status,] unitLk, updatedAt) serves
 * filter and order together, whatever the size of the store.
 */
const queueIndexes: IndexSpec[] = [
  { fields: ['campaignId', 'updatedAt'] },
  { fields: ['campaignId', 'status', 'updatedAt'] },
  ...(['unitL1', 'unitL2', 'unitL3'] as const).flatMap((level) => [
    { fields: ['campaignId', level, 'updatedAt'] },
    { fields: ['campaignId', 'status', level, 'updatedAt'] },
  ]),
  { fields: ['campaignId', 'stageUnitId', 'updatedAt'] },
  { fields: ['collectiveId', 'createdAt'] },
  /**
   * The dashboard's overdue counts (issue #14): filings of a subtree waiting at one admin level since before
   * a cutoff. The subtree is given by its ancestors at every level down to it, so one index serves the
   * office, a level-1 branch and anything below, and the count reads the index alone.
   */
  { fields: ['campaignId', 'stage', 'unitL1', 'updatedAt'] },
];

/** Collections of filing, review and a collective's lifecycle (issue #3), with the indexes their queries need. */
export const FILING_COLLECTIONS = {
  collectives: [{ fields: ['accountId'] }, { fields: ['normalizedName'] }, { fields: ['unitPath', 'createdAt'] }],
  filings: queueIndexes,
  revocations: [{ fields: ['unitPath', 'requestedAt'] }],
  /** Read by each side of a transfer: the collective's branch (fromUnitPath) and the receiving one (toUnitPath). */
  transferRequests: [{ fields: ['fromUnitPath', 'requestedAt'] }, { fields: ['toUnitPath', 'requestedAt'] }],
  /** One document per reminder sent (`${filingId}:${closesBefore}`): the id makes a rerun a no-op. */
  filingReminders: [],
  /** Per unit and campaign, filings per status in its subtree, in shards summed on read (common/filing-counts.ts). */
  filingCounts: [
    { fields: ['campaignId', 'unitId'] },
    /** The shards changed since a unit's roll-up (common/filing-counts.ts `readTallies`) and since the fold's last run. */
    { fields: ['campaignId', 'unitId', 'changedAt'] },
    { fields: ['campaignId', 'changedAt'] },
  ],
  /** Per unit and campaign, its counter shards as the job last folded them (jobs/filing-rollups.ts), read by the dashboard. */
  filingRollups: [{ fields: ['campaignId', 'unitId'] }],
  /** Each shard as the fold last read it, keyed by the shard's id and read by id only. */
  filingFoldedShards: [],
  /** Per campaign, where the fold's next run starts looking for changed shards; read by id only. */
  filingFolds: [],
} satisfies Record<string, IndexSpec[]>;

export type CollectiveStatus = 'active' | 'closed' | 'revoked';

/** A collective, apart from the account that signs in for it: transfers give it a new account and code. */
export interface CollectiveDoc {
  id: string;
  /** The account that currently signs in for it. */
  accountId: string;
  code: string;
  unitId: string;
  unitPath: string;
  name: string;
  normalizedName: string;
  /** 曾用名称, oldest first. */
  formerNames: string[];
  /** Codes it used before a transfer. */
  formerCodes: string[];
  status: CollectiveStatus;
  /** The collective this one replaces after a restructure. */
  predecessorId: string | null;
  /** A cross-branch transfer request awaiting decision; set and cleared with the version check, so one is pending at a time (absent on older documents). */
  pendingTransferId?: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface OpinionRecord {
  level: 0 | AdminLevel;
  box: 'supervisor' | 'branch' | 'office';
  unitId: string;
  unitName: string;
  authorId: string;
  authorCode: string;
  authorName: string;
  decision: 'passUp' | 'sendBack' | 'approve' | 'return' | 'endorse';
  comment: string;
  at: string;
  /** The filing version the decision was made on. */
  version: number;
}

export interface HistoryRecord {
  at: string;
  actorCode: string | null;
  actorName: string;
  action: string;
  comment: string | null;
}

/** One filing per collective per campaign: id `${campaignId}:${collectiveId}`. */
export interface FilingDoc {
  id: string;
  campaignId: string;
  collectiveId: string;
  name: string;
  normalizedName: string;
  unitId: string;
  unitPath: string;
  unitLevel: number;
  unitL1: string;
  unitL2: string;
  unitL3: string;
  category: 'industry' | 'region' | 'office';
  status: FilingStatus;
  stage: AdminLevel | null;
  /** The unit whose admin's opinion is awaited; '' when none is. */
  stageUnitId: string;
  content: FilingDraftContent;
  topTitle: 'none' | TitleLevel;
  nonPublic: boolean;
  opinions: OpinionRecord[];
  history: HistoryRecord[];
  feedback: string | null;
  possibleDuplicateIds: string[];
  revocationId: string | null;
  submittedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** TALLY_VERSION once its units' counters hold its whole tally (shared/domain/filing/tally.ts); absent: its status only. */
  tallied?: typeof TALLY_VERSION;
}

/** A filing as current code writes it: its whole tally is counted. */
export type WrittenFiling = FilingDoc & { tallied: typeof TALLY_VERSION };

export interface RevocationDoc {
  id: string;
  filingId: string;
  collectiveId: string;
  collectiveName: string;
  unitId: string;
  unitPath: string;
  reasons: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedById: string;
  requestedByCode: string;
  requestedAt: string;
  decidedByCode: string | null;
  decidedAt: string | null;
  comment: string | null;
}

export interface FilingReminderDoc {
  id: string;
  filingId: string;
  accountId: string;
  sentAt: string;
}

/** A cross-branch transfer: the receiving side asks, the collective's branch (or the office) decides. */
export interface TransferRequestDoc {
  id: string;
  collectiveId: string;
  collectiveName: string;
  /** The collective's code when the request was made (its branch sees it). */
  fromCode: string;
  fromUnitId: string;
  fromUnitPath: string;
  toUnitId: string;
  toUnitPath: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedById: string;
  requestedByCode: string;
  requestedAt: string;
  decidedByCode: string | null;
  decidedAt: string | null;
  comment: string | null;
  /** The account issued at approval in the receiving unit. */
  newAccountId: string | null;
  newCode: string | null;
  /** When the receiving side took the new account's one-time password (shown once). */
  passwordIssuedAt: string | null;
}
