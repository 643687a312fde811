import type { AssessmentItem } from '../../../shared/domain/management/assessment';
import type { FiveOne } from '../../../shared/domain/management/five-ones';
import type { IndexSpec } from './index-spec';

/** Collections of the management function (issue #14), with the indexes their queries need. */
export const MANAGEMENT_COLLECTIONS = {
  /** A unit's 五个一 ledger for a term, latest work first. */
  ledgerEntries: [{ fields: ['unitId', 'term', 'date'] }],
  /** Per unit and term (id `${term}:${unitId}`), its ledger entries per kind: written only with that unit's own entries. */
  ledgerCounts: [{ fields: ['term', 'unitId'] }],
  /** 考评 rounds, newest first; at most one per campaign (id `${campaignId}`). */
  assessmentRounds: [{ fields: ['createdAt'] }],
  /** One sheet per round and level-1 unit (its id a hash of both), written at its first report or score. */
  assessmentSheets: [{ fields: ['roundId', 'unitId'] }],
} satisfies Record<string, IndexSpec[]>;

/** One piece of 五个一 work a managing unit records. */
export interface LedgerEntryDoc {
  id: string;
  unitId: string;
  unitPath: string;
  /** The campaign's term it counts for ('2017—2018'). */
  term: string;
  kind: FiveOne;
  /** China-time date, 'YYYY-MM-DD'. */
  date: string;
  title: string;
  place: string;
  participants: number;
  summary: string;
  /** Photos and PDFs uploaded for the unit's ledger. */
  attachments: Array<{ url: string; name: string; contentType: 'image/jpeg' | 'image/png' | 'application/pdf' }>;
  recordedById: string;
  recordedByCode: string;
  recordedByName: string;
  createdAt: string;
}

export type LedgerCountDoc = { id: string; term: string; unitId: string } & Partial<Record<FiveOne, number>>;

/** A 考评 round of a campaign's term: its items and points, open for reports and scores until published. */
export interface AssessmentRoundDoc {
  id: string;
  campaignId: string;
  term: string;
  title: string;
  items: AssessmentItem[];
  /** open: reports and scores; published: locked, visible to the units, changed only by corrections. */
  status: 'open' | 'published';
  /** Set at the first score: the points stay as they are from then on. */
  scoringStarted: boolean;
  openedById: string;
  createdAt: string;
  publishedAt: string | null;
  version: number;
}

export interface AssessmentScore {
  points: number;
  note: string;
}

export interface AssessmentCorrection {
  /** The sheet's version this correction made. */
  version: number;
  no: number;
  from: AssessmentScore | null;
  to: AssessmentScore;
  reason: string;
  byName: string;
  at: string;
}

/** A level-1 unit's sheet in a round: its report, its ledger confirmation, the evidence it submitted with, the office's scores. */
export interface AssessmentSheetDoc {
  id: string;
  roundId: string;
  unitId: string;
  unitPath: string;
  unitName: string;
  unitKind: 'industry' | 'region' | 'office';
  report: string;
  ledgerConfirmed: boolean;
  submittedAt: string | null;
  submittedByName: string | null;
  /** The evidence as it stood when the unit submitted (JSON of the contract's evidence view). */
  evidence: unknown;
  scores: Record<string, AssessmentScore>;
  /** 1 as published; each correction after publication adds one. */
  version: number;
  corrections: AssessmentCorrection[];
}
