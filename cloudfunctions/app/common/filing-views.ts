import type { FilingDraftContent } from '../../../shared/contract/filing-content';
import type { CollectiveView, DuplicateView, FilingSummaryView, FilingView, RevocationView, TransferRequestView } from '../../../shared/contract/filing-views';
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/domain/audit-actions';
import { allChecks, type CheckedProfile } from '../../../shared/domain/filing/conditions';
import { FILING_STATUS_LABELS } from '../../../shared/domain/filing/status';
import { isWithin } from '../../../shared/domain/unit-tree';
import type { AccountDoc, CampaignDoc, UnitDoc } from '../collections';
import type { CollectiveDoc, FilingDoc, RevocationDoc, TransferRequestDoc } from '../collections/filing';
import type { Store } from '../ports/store';
import { rulesOf } from './campaigns';

const intOrNull = (value: string | undefined) => (value && /^\s*\d+\s*$/.test(value) ? Number(value) : null);

/** What the checks read from a draft or a filed content; anything not yet a number is "not given". */
export function checkedProfile(content: FilingDraftContent): CheckedProfile {
  return {
    memberCount: intOrNull(content.memberCount),
    membersUnder35: intOrNull(content.membersUnder35),
    leaderAge: intOrNull(content.leaderAge),
    priorTitles: content.priorTitles ?? [],
  };
}

export function checksFor(content: FilingDraftContent, campaign: CampaignDoc) {
  const rules = rulesOf(campaign);
  return allChecks(checkedProfile(content), rules.conditions, rules.eligibility);
}

/** Whether an active admin of the stage's level sits at the stage's unit (null: no stage). */
async function stageHasAdmin(store: Store, filing: FilingDoc): Promise<boolean | null> {
  if (!filing.stage || !filing.stageUnitId) return null;
  const unit = await store.get<UnitDoc>('units', filing.stageUnitId);
  if (!unit) return false;
  // The accounts of one unit are a handful; the (unitPath, createdAt) index serves the equality.
  const { items } = await store.find<AccountDoc>('accounts', {
    where: { unitPath: unit.path, role: 'admin', level: filing.stage, status: 'active' },
    orderBy: { fields: ['createdAt'], direction: 'asc' },
    limit: 1,
  });
  return items.length > 0;
}

async function unitName(store: Store, unitId: string): Promise<string> {
  if (!unitId) return '';
  return (await store.get<UnitDoc>('units', unitId))?.name ?? '';
}

export async function collectiveView(store: Store, collective: CollectiveDoc): Promise<CollectiveView> {
  const pending = collective.pendingTransferId ? await store.get<TransferRequestDoc>('transferRequests', collective.pendingTransferId) : null;
  return {
    id: collective.id,
    name: collective.name,
    formerNames: collective.formerNames,
    formerCodes: collective.formerCodes,
    code: collective.code,
    unitId: collective.unitId,
    unitName: await unitName(store, collective.unitId),
    status: collective.status,
    predecessorId: collective.predecessorId,
    pendingTransfer: pending ? { id: pending.id, toUnitName: await unitName(store, pending.toUnitId), requestedAt: pending.requestedAt } : null,
  };
}

/** Whether an admin's (or the office's) scope holds a unit path; a collective's holds nobody else's. */
export const viewerCovers = (viewer: AccountDoc, unitPath: string): boolean => viewer.role !== 'collective' && isWithin(viewer.unitPath, unitPath);

/** Same-name collectives as `viewer` may see them: outside their scope, only the name and the managing unit. */
export async function duplicatesView(store: Store, ids: string[], viewer: AccountDoc): Promise<DuplicateView[]> {
  const out: DuplicateView[] = [];
  for (const id of ids) {
    const other = await store.get<CollectiveDoc>('collectives', id);
    if (!other) continue;
    const visible = viewerCovers(viewer, other.unitPath);
    out.push({ collectiveId: visible ? other.id : null, name: other.name, unitName: await unitName(store, other.unitId), code: visible ? other.code : null });
  }
  return out;
}

export async function filingView(store: Store, filing: FilingDoc, viewer: AccountDoc): Promise<FilingView> {
  const campaign = await store.get<CampaignDoc>('campaigns', filing.campaignId);
  const collective = await store.get<CollectiveDoc>('collectives', filing.collectiveId);
  if (!campaign || !collective) throw new Error(`filing ${filing.id} lost its campaign or collective`);
  const revocation = filing.revocationId ? await store.get<RevocationDoc>('revocations', filing.revocationId) : null;
  return {
    id: filing.id,
    campaignId: filing.campaignId,
    campaignName: campaign.name,
    collective: await collectiveView(store, collective),
    unitName: await unitName(store, filing.unitId),
    category: filing.category,
    status: filing.status,
    statusLabel: FILING_STATUS_LABELS[filing.status],
    stage: filing.stage,
    stageUnitId: filing.stageUnitId || null,
    stageUnitName: filing.stageUnitId ? await unitName(store, filing.stageUnitId) : null,
    stageHasAdmin: await stageHasAdmin(store, filing),
    content: filing.content,
    checks: checksFor(filing.content, campaign),
    opinions: filing.opinions.map(({ level, box, unitName: name, authorCode, authorName, decision, comment, at }) => ({
      level, box, unitName: name, authorCode, authorName, decision, comment, at,
    })),
    history: filing.history.map((h) => ({
      ...h,
      label: AUDIT_ACTIONS[h.action as AuditAction] ?? h.action,
    })),
    feedback: filing.feedback,
    possibleDuplicates: await duplicatesView(store, filing.possibleDuplicateIds, viewer),
    revocation: revocation ? { id: revocation.id, status: revocation.status, reasons: revocation.reasons } : null,
    submittedAt: filing.submittedAt,
    updatedAt: filing.updatedAt,
    version: filing.version,
  };
}

export async function filingSummaries(store: Store, filings: FilingDoc[]): Promise<FilingSummaryView[]> {
  const names = new Map<string, string>();
  for (const id of new Set(filings.map((f) => f.unitId))) names.set(id, await unitName(store, id));
  return filings.map((f) => ({
    id: f.id,
    name: f.name,
    unitName: names.get(f.unitId) ?? '',
    category: f.category,
    status: f.status,
    statusLabel: FILING_STATUS_LABELS[f.status],
    stage: f.stage,
    topTitle: f.topTitle,
    nonPublic: f.nonPublic,
    possibleDuplicate: f.possibleDuplicateIds.length > 0,
    submittedAt: f.submittedAt,
    updatedAt: f.updatedAt,
    version: f.version,
  }));
}

export async function revocationView(store: Store, r: RevocationDoc): Promise<RevocationView> {
  return {
    id: r.id,
    filingId: r.filingId,
    collectiveName: r.collectiveName,
    unitName: await unitName(store, r.unitId),
    reasons: r.reasons,
    status: r.status,
    requestedByCode: r.requestedByCode,
    requestedAt: r.requestedAt,
    decidedByCode: r.decidedByCode,
    decidedAt: r.decidedAt,
    comment: r.comment,
  };
}

export async function transferRequestView(store: Store, r: TransferRequestDoc, viewer: AccountDoc): Promise<TransferRequestView> {
  const losingSide = viewerCovers(viewer, r.fromUnitPath);
  const receivingSide = viewerCovers(viewer, r.toUnitPath);
  return {
    id: r.id,
    collectiveName: r.collectiveName,
    fromUnitName: await unitName(store, r.fromUnitId),
    toUnitName: await unitName(store, r.toUnitId),
    fromCode: losingSide ? r.fromCode : null,
    reason: r.reason,
    status: r.status,
    requestedByCode: r.requestedByCode,
    requestedAt: r.requestedAt,
    decidedByCode: r.decidedByCode,
    decidedAt: r.decidedAt,
    comment: r.comment,
    newCode: receivingSide ? r.newCode : null,
    passwordIssued: r.passwordIssuedAt !== null,
    canDecide: r.status === 'pending' && canDecideTransfer(viewer, r),
    canIssuePassword: r.status === 'approved' && r.passwordIssuedAt === null && receivingSide,
  };
}

/** The collective's level-1 admin, or the office, decides a transfer out of its branch. */
export const canDecideTransfer = (viewer: AccountDoc, r: TransferRequestDoc): boolean =>
  (viewer.role === 'office' || (viewer.role === 'admin' && viewer.level === 1)) && isWithin(viewer.unitPath, r.fromUnitPath);
