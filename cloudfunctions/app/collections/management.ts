import type { FiveOne } from '../../../shared/domain/management/five-ones';
import type { IndexSpec } from './index-spec';

/** Collections of the management function (issue #14), with the indexes their queries need. */
export const MANAGEMENT_COLLECTIONS = {
  /** A unit's 五个一 ledger for a term, latest work first. */
  ledgerEntries: [{ fields: ['unitId', 'term', 'date'] }],
  /** Per unit and term (id `${term}:${unitId}`), its ledger entries per kind: written only with that unit's own entries. */
  ledgerCounts: [{ fields: ['term', 'unitId'] }],
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
