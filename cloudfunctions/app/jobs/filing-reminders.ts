import { addDays, chinaDateOf, windowState } from '../../../shared/domain/filing/window';
import { audit } from '../common/audit';
import type { CampaignDoc } from '../collections';
import type { CollectiveDoc, FilingDoc, FilingReminderDoc } from '../collections/filing';
import type { Deps } from '../context';
import { rulesOf } from '../common/campaigns';
import { afterCommit } from '../outbox/perform';
import { enqueue, type OutboxDoc } from '../outbox/records';
import { DuplicateKeyError, eachDocument } from '../ports/store';
import { transact } from '../ports/transaction-retry';

/**
 * A few days before a campaign's filing window closes (its `reminderDaysBefore`, 3 by default), every
 * collective whose filing is still a draft or returned is reminded once: the reminder's id
 * (`${filingId}:${closesBefore}`) makes a second or late run a no-op.
 */
export async function remindUnfinishedFilings(deps: Deps): Promise<number> {
  const now = deps.now();
  const today = chinaDateOf(now);
  let sent = 0;
  const { items: campaigns } = await deps.store.find<CampaignDoc>('campaigns', { orderBy: { fields: ['createdAt'], direction: 'desc' }, limit: 50 });
  for (const campaign of campaigns) {
    const rules = rulesOf(campaign);
    if (windowState(rules.window, now) !== 'open') continue;
    if (today < addDays(rules.window.closesBefore, -rules.reminderDaysBefore)) continue;
    const lastDay = addDays(rules.window.closesBefore, -1);
    for (const status of ['draft', 'returned'] as const) {
      const unfinished = eachDocument<FilingDoc>(deps.store, 'filings', {
        where: { campaignId: campaign.id, status },
        orderBy: { fields: ['updatedAt'], direction: 'asc' },
      });
      for await (const filing of unfinished) {
        const collective = await deps.store.get<CollectiveDoc>('collectives', filing.collectiveId);
        if (!collective || collective.status !== 'active') continue;
        const reminder: FilingReminderDoc = { id: `${filing.id}:${rules.window.closesBefore}`, filingId: filing.id, accountId: collective.accountId, sentAt: now.toISOString() };
        let work: OutboxDoc;
        try {
          work = await transact(deps.store, async (tx) => {
            await tx.insert('filingReminders', reminder);
            await audit(tx, now, {
              actor: null, action: 'filing.remindDraft', objectType: 'filing', objectId: filing.id, unitPath: filing.unitPath,
              after: { closesBefore: rules.window.closesBefore },
            });
            return enqueue(tx, now, {
              kind: 'message',
              message: {
                recipient: { kind: 'account', accountId: collective.accountId },
                topic: 'filingReminder',
                title: '报备即将截止',
                body: `「${campaign.name}」报备将于 ${lastDay} 24时（北京时间）截止，您的报备尚未${status === 'draft' ? '提交' : '重新提交'}。`,
                page: 'collective/filing/index',
              },
            });
          });
        } catch (error) {
          if (error instanceof DuplicateKeyError) continue;
          throw error;
        }
        await afterCommit(deps, [work]);
        sent++;
      }
    }
  }
  return sent;
}

/** The `Job` registered in JOBS (typed there: importing its type here would be a cycle). */
export const filingReminders = {
  everyMinutes: 60,
  run: async (deps: Deps) => {
    await remindUnfinishedFilings(deps);
  },
};
