import type { FilingDraftContent } from '../../../shared/contract/filing-content';
import type { CollectiveView, FilingSummaryView, FilingView, RevocationView } from '../../../shared/contract/filing-views';
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/domain/audit-actions';
import { allChecks, type CheckedProfile } from '../../../shared/domain/filing/conditions';
import { FILING_STATUS_LABELS } from '../../../shared/domain/filing/status';
import type { AccountDoc, CampaignDoc, UnitDoc } from '../collections';
import type { CollectiveDoc, FilingDoc, RevocationDoc } from '../collections/filing';
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
  };
}

export async function duplicatesView(store: Store, ids: string[]) {
  const out: FilingView['possibleDuplicates'] = [];
  for (const id of ids) {
    const other = await store.get<CollectiveDoc>('collectives', id);
    if (other) out.push({ collectiveId: other.id, name: other.name, unitName: await unitName(store, other.unitId), code: other.code });
  }
  return out;
}

export async function filingView(store: Store, filing: FilingDoc): Promise<FilingView> {
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
    possibleDuplicates: await duplicatesView(store, filing.possibleDuplicateIds),
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
