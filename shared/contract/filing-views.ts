import { z } from 'zod';
import { FILING_STATUSES } from '../domain/filing/status';
import { TITLE_LEVELS } from '../domain/filing/rules';
import { filingDraftContent, priorTitleSchema } from './filing-content';

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const campaignRulesView = z.object({
  window: z.object({ opens: z.string(), closesBefore: z.string() }),
  conditions: z.object({ minMembers: z.number(), maxMembers: z.number(), minShareUnder35: z.number(), maxLeaderAge: z.number() }),
  eligibility: z.union([
    z.object({ kind: z.literal('none') }),
    z.object({ kind: z.literal('priorTitle'), titleBefore: z.string(), provincialSinceYear: z.number() }),
  ]),
  reminderDaysBefore: z.number(),
  targetMultiplier: z.number(),
});

export const campaignView = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['national', 'provincial', 'city', 'county']),
  term: z.string(),
  rules: campaignRulesView,
  /** e.g. "2018-11-13 至 2019-01-19（北京时间，2019-01-20 0时起截止）". */
  windowText: z.string(),
  windowState: z.enum(['notYetOpen', 'open', 'closed']),
  version: z.number(),
});
export type CampaignView = z.infer<typeof campaignView>;

export const quotaView = z.object({
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(['office', 'industry', 'region']),
  places: z.number().nullable(),
  base: z.number().nullable(),
  requiredFilings: z.number().nullable(),
  /** Filings submitted in the unit's subtree (every status but draft). */
  filed: z.number(),
  approved: z.number(),
});
export type QuotaView = z.infer<typeof quotaView>;

export const checkView = z.object({
  key: z.enum(['members', 'under35Share', 'leaderAge', 'eligibility']),
  label: z.string(),
  ok: z.boolean().nullable(),
  reason: z.string(),
});
export type CheckView = z.infer<typeof checkView>;

export const opinionView = z.object({
  /** 0 for the office (市青工委意见). */
  level: z.union([z.literal(0), level]),
  box: z.enum(['supervisor', 'branch', 'office']),
  unitName: z.string(),
  authorCode: z.string(),
  authorName: z.string(),
  decision: z.enum(['passUp', 'sendBack', 'approve', 'return', 'endorse']),
  comment: z.string(),
  at: z.string(),
});
export type OpinionView = z.infer<typeof opinionView>;

export const historyView = z.object({
  at: z.string(),
  actorCode: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  label: z.string(),
  comment: z.string().nullable(),
});
export type HistoryView = z.infer<typeof historyView>;

export const collectiveView = z.object({
  id: z.string(),
  name: z.string(),
  formerNames: z.array(z.string()),
  formerCodes: z.array(z.string()),
  code: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(['active', 'closed', 'revoked']),
  predecessorId: z.string().nullable(),
  /** A transfer to another branch waiting for this branch's level-1 admin (or the office) to decide. */
  pendingTransfer: z.object({ id: z.string(), toUnitName: z.string(), requestedAt: z.string() }).nullable(),
});
export type CollectiveView = z.infer<typeof collectiveView>;

/**
 * Another collective with the same name. Outside the caller's scope only its name and managing unit are
 * shown: `collectiveId` and `code` are null, so nothing an action accepts leaves the branch.
 */
export const duplicateView = z.object({ collectiveId: z.string().nullable(), name: z.string(), unitName: z.string(), code: z.string().nullable() });
export type DuplicateView = z.infer<typeof duplicateView>;

export const filingView = z.object({
  id: z.string(),
  campaignId: z.string(),
  campaignName: z.string(),
  collective: collectiveView,
  unitName: z.string(),
  category: z.enum(['industry', 'region', 'office']),
  status: z.enum(FILING_STATUSES),
  statusLabel: z.string(),
  /** The admin level whose opinion is awaited, null when nobody's is. */
  stage: level.nullable(),
  stageUnitId: z.string().nullable(),
  stageUnitName: z.string().nullable(),
  /**
   * Whether the unit whose opinion is awaited has an active admin of that level to give it; false means
   * the filing waits for nobody until one is issued. Null when nobody's opinion is awaited.
   */
  stageHasAdmin: z.boolean().nullable(),
  content: filingDraftContent,
  checks: z.array(checkView),
  opinions: z.array(opinionView),
  history: z.array(historyView),
  /** The last return's written feedback, shown to the collective. */
  feedback: z.string().nullable(),
  possibleDuplicates: z.array(duplicateView),
  revocation: z.object({ id: z.string(), status: z.enum(['pending', 'approved', 'rejected']), reasons: z.string() }).nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export type FilingView = z.infer<typeof filingView>;

export const filingSummaryView = z.object({
  id: z.string(),
  name: z.string(),
  unitName: z.string(),
  category: z.enum(['industry', 'region', 'office']),
  status: z.enum(FILING_STATUSES),
  statusLabel: z.string(),
  stage: level.nullable(),
  topTitle: z.enum(['none', ...TITLE_LEVELS]),
  nonPublic: z.boolean(),
  possibleDuplicate: z.boolean(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
});
export type FilingSummaryView = z.infer<typeof filingSummaryView>;

export const revocationView = z.object({
  id: z.string(),
  filingId: z.string(),
  collectiveName: z.string(),
  unitName: z.string(),
  reasons: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedByCode: z.string(),
  requestedAt: z.string(),
  decidedByCode: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
});
export type RevocationView = z.infer<typeof revocationView>;

export { priorTitleSchema };

export const TRANSFER_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;

/**
 * A request to move a collective to another branch. Codes are shown only to the side whose scope holds
 * them: the collective's current code to its branch, the new code to the receiving side.
 */
export const transferRequestView = z.object({
  id: z.string(),
  collectiveName: z.string(),
  fromUnitName: z.string(),
  toUnitName: z.string(),
  fromCode: z.string().nullable(),
  reason: z.string(),
  status: z.enum(TRANSFER_REQUEST_STATUSES),
  requestedByCode: z.string(),
  requestedAt: z.string(),
  decidedByCode: z.string().nullable(),
  decidedAt: z.string().nullable(),
  comment: z.string().nullable(),
  newCode: z.string().nullable(),
  /** The new account's one-time password was shown to the receiving side already. */
  passwordIssued: z.boolean(),
  /** What the caller may do with it now. */
  canDecide: z.boolean(),
  canIssuePassword: z.boolean(),
});
export type TransferRequestView = z.infer<typeof transferRequestView>;
