import { pathIds } from '../../../../shared/domain/unit-tree';
import type { AccountDoc } from '../../collections';
import type { EscalationReason, EvaluationCaseDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import type { Deps } from '../../context';
import { enqueue, type OutboxDoc } from '../../outbox/records';
import type { Message } from '../../ports/notifier';
import type { StoreOps } from '../../ports/store';

const WHY: Record<EscalationReason, string> = { overdue: '逾期未答复', dissatisfied: '评价人对处理结果不满意' };

/**
 * Who is told of an escalated case: the active admins of the collective's own unit, or, when it has none,
 * of the nearest unit above it that has some (the office's own cases reach nobody by message).
 */
export async function adminsFor(deps: Deps, unitPath: string): Promise<AccountDoc[]> {
  const ids = pathIds(unitPath);
  for (let level = ids.length - 1; level >= 1; level--) {
    const path = `/${ids.slice(0, level + 1).join('/')}/`;
    const { items } = await deps.store.find<AccountDoc>('accounts', { where: { unitPath: path, role: 'admin', status: 'active' }, orderBy: { fields: ['createdAt'], direction: 'asc' }, limit: 50 });
    if (items.length) return items;
  }
  return [];
}

/** The active admins of the collective's level-1 unit: where an escalation goes after its managing unit. */
export async function level1AdminsFor(deps: Deps, unitPath: string): Promise<AccountDoc[]> {
  const [root, level1] = pathIds(unitPath);
  if (!level1) return [];
  const { items } = await deps.store.find<AccountDoc>('accounts', { where: { unitPath: `/${root}/${level1}/`, role: 'admin', status: 'active' }, orderBy: { fields: ['createdAt'], direction: 'asc' }, limit: 50 });
  return items;
}

/** The messages an escalation sends, found before its transaction (which allows no query). */
export async function escalationMessages(deps: Deps, c: EvaluationCaseDoc, reason: EscalationReason): Promise<Message[]> {
  const collective = await deps.store.get<CollectiveDoc>('collectives', c.collectiveId);
  return (await adminsFor(deps, c.unitPath)).map((admin) => ({
    recipient: { kind: 'account', accountId: admin.id },
    topic: 'evaluationEscalated',
    title: '差评转办',
    body: `「${collective?.name ?? ''}」的一条差评${WHY[reason]}，已转本单位督办。`,
    page: 'admin/evaluation/cases',
  }));
}

/** Writes the messages into the outbox inside the escalation's transaction; `afterCommit` sends them. */
export async function enqueueMessages(tx: StoreOps, now: Date, messages: Message[]): Promise<OutboxDoc[]> {
  const records: OutboxDoc[] = [];
  for (const message of messages) records.push(await enqueue(tx, now, { kind: 'message', message }));
  return records;
}
