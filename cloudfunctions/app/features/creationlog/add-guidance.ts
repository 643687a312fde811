import { AppError } from '../../../../shared/errors';
import type { contract } from '../../../../shared/contract';
import { audit } from '../../common/audit';
import type { UnitDoc } from '../../collections';
import type { CollectiveDoc } from '../../collections/filing';
import type { CreationEntryDoc, GuidanceRecord } from '../../collections/creationlog';
import { accountOf } from '../../context';
import { afterCommit } from '../../outbox/perform';
import { enqueue, type OutboxDoc } from '../../outbox/records';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { newId } from '../../security/random';
import { countGuidance } from './counts';
import { entryInScope, entryView, levelOf } from './entries';

/**
 * 指导意见 on a submitted entry of the admin's subtree: kept on the entry for the collective to read, counted for
 * every unit on the author's path (the 考评's item 5), and the collective is told through the outbox (a subscribe
 * message; the developer mailbox on one machine), written in the same transaction as the guidance and its audit record.
 */
export const addGuidance: Handler<typeof contract.creationlog.addGuidance> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const entry = await entryInScope(ctx, input.entryId);
  const unit = await ctx.store.get<UnitDoc>('units', actor.unitId);
  const collective = await ctx.store.get<CollectiveDoc>('collectives', entry.collectiveId);
  const now = ctx.now();
  const authorUnitPath = unit?.path ?? '';
  const record: GuidanceRecord = {
    id: newId(),
    authorId: actor.id,
    authorCode: actor.code,
    authorLevel: levelOf(actor),
    authorUnitName: unit?.name ?? '',
    text: input.text,
    at: now.toISOString(),
    authorUnitPath,
  };
  let told: OutboxDoc | null = null;
  const next = await transact(ctx.store, async (tx) => {
    const current = await tx.get<CreationEntryDoc>('creationEntries', entry.id);
    if (!current) throw new AppError('NOT_FOUND', '未找到该创建日志');
    const updated: CreationEntryDoc = { ...current, guidance: [...current.guidance, record], version: current.version + 1 };
    if (!(await tx.update('creationEntries', entry.id, { set: { guidance: updated.guidance, version: updated.version } }, { version: current.version }))) {
      throw new AppError('CONFLICT');
    }
    await countGuidance(tx, current, [authorUnitPath]);
    await audit(tx, now, {
      actor,
      action: 'creationlog.addGuidance',
      objectType: 'creationEntry',
      objectId: entry.id,
      unitPath: entry.unitPath,
      after: { guidanceId: record.id },
      reason: input.text,
    });
    told = collective
      ? await enqueue(tx, now, {
          kind: 'message',
          message: {
            recipient: { kind: 'account', accountId: collective.accountId },
            topic: 'creationLogGuidance',
            title: '创建日志收到指导意见',
            body: `「${entry.title}」${record.authorUnitName}：${input.text.slice(0, 60)}`,
            page: `collective/creationlog/entry?id=${entry.id}`,
          },
        })
      : null;
    return updated;
  });
  await afterCommit(ctx, [told]);
  return { entry: entryView(next) };
};
