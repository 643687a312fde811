import type { contract } from '../../../../shared/contract';
import { fiveOnesProgress } from '../../../../shared/domain/management/five-ones';
import type { LedgerEntryDoc } from '../../collections/management';
import { accountOf } from '../../context';
import { loadCampaign } from '../../common/campaigns';
import type { Handler } from '../../router';
import { unitInScope } from '../../common/scope';
import { ledgerCounts, ledgerEntryView } from './ledger';

/** A unit's 五个一 ledger for the campaign's term, latest work first: the caller's own, or a unit in their subtree. */
export const listLedger: Handler<typeof contract.management.listLedger> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const campaign = await loadCampaign(ctx.store, input.campaignId);
  const unit = await unitInScope(ctx, input.unitId ?? actor.unitId);
  const page = await ctx.store.find<LedgerEntryDoc>('ledgerEntries', {
    where: { unitId: unit.id, term: campaign.term },
    orderBy: { fields: ['date'], direction: 'desc' },
    after: input.cursor,
    limit: input.limit,
  });
  const counts = (await ledgerCounts(ctx.store, campaign.term, [unit.id])).get(unit.id) ?? {};
  const { done, missing } = fiveOnesProgress(counts);
  return {
    unitName: unit.name,
    items: page.items.map((entry) => ledgerEntryView(entry, actor)),
    nextCursor: page.nextCursor,
    fiveOnes: { done, missing, counts: { meeting: 0, training: 0, inspection: 0, themeActivity: 0, liaisonPlatform: 0, ...counts } },
  };
};
