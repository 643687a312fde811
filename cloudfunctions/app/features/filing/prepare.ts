import type { FilingDraftContent } from '../../../../shared/contract/filing-content';
import { AppError } from '../../../../shared/errors';
import { topTitle } from '../../../../shared/domain/filing/conditions';
import { normalizeName } from '../../../../shared/domain/filing/names';
import { EDITABLE } from '../../../../shared/domain/filing/status';
import { windowState } from '../../../../shared/domain/filing/window';
import type { CampaignDoc, UnitDoc } from '../../collections';
import type { CollectiveDoc, FilingDoc } from '../../collections/filing';
import { accountOf, type UseCaseContext } from '../../context';
import { loadCampaign, rulesOf } from '../../common/campaigns';
import { filingId } from './collective';
import { openCollective } from '../../common/collectives';
import { placement } from '../../common/filing-placement';

export interface Editable {
  campaign: CampaignDoc;
  collective: CollectiveDoc;
  before: FilingDoc | null;
  /** The filing with the new content, version bumped; status unchanged. */
  next: FilingDoc;
}

/**
 * Everything a save or a submit checks before writing: the collective is active, the window is open in
 * China time, and the filing is the collective's to edit (a draft, or returned with feedback).
 */
export async function prepareEdit(ctx: UseCaseContext, campaignId: string, content: FilingDraftContent): Promise<Editable> {
  const account = accountOf(ctx);
  const campaign = await loadCampaign(ctx.store, campaignId);
  const collective = await openCollective(ctx, account);
  if (collective.status !== 'active') throw new AppError('COLLECTIVE_INACTIVE');
  const state = windowState(rulesOf(campaign).window, ctx.now());
  if (state === 'closed') throw new AppError('FILING_WINDOW_CLOSED');
  if (state === 'notYetOpen') throw new AppError('FILING_WINDOW_NOT_OPEN');

  const before = await ctx.store.get<FilingDoc>('filings', filingId(campaign.id, collective.id));
  if (before && !EDITABLE[before.status]) throw new AppError('FILING_NOT_EDITABLE');
  const unit = await ctx.store.get<UnitDoc>('units', collective.unitId);
  if (!unit) throw new Error(`collective ${collective.id} has no unit`);
  const now = ctx.now().toISOString();
  const name = content.name?.trim() || collective.name;
  const next: FilingDoc = {
    id: filingId(campaign.id, collective.id),
    campaignId: campaign.id,
    collectiveId: collective.id,
    ...(await placement(ctx.store, unit)),
    status: before?.status ?? 'draft',
    stage: null,
    stageUnitId: '',
    opinions: before?.opinions ?? [],
    history: before?.history ?? [],
    feedback: before?.feedback ?? null,
    possibleDuplicateIds: before?.possibleDuplicateIds ?? [],
    revocationId: before?.revocationId ?? null,
    submittedAt: before?.submittedAt ?? null,
    createdAt: before?.createdAt ?? now,
    name,
    normalizedName: normalizeName(name),
    content,
    topTitle: topTitle(content.priorTitles ?? []),
    nonPublic: content.nonPublic === 'yes',
    updatedAt: now,
    version: (before?.version ?? 0) + 1,
  };
  return { campaign, collective, before, next };
}
