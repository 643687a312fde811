import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { normalizeName } from '../../../../shared/domain/filing/names';
import { audit } from '../../common/audit';
import type { AccountDoc } from '../../collections';
import type { CollectiveDoc, WrittenFiling } from '../../collections/filing';
import { accountOf } from '../../context';
import { moveCount } from '../../common/filing-counts';
import { TALLY_VERSION } from '../../../../shared/domain/filing/tally';
import { carryEvents, eventsOfCollective } from './collective-events';
import { collectiveInScope } from './scope';
import { filingsOfCollective } from '../../common/collective-filings';
import { historyEntry } from '../../common/filing-write';
import { possibleDuplicates } from '../../common/duplicate-names';
import { duplicatesView, filingView } from '../../common/filing-views';
import type { Handler } from '../../router';
import { transact } from '../../ports/transaction-retry';

/** 名称改变: the new name everywhere it is shown; the old one kept as 曾用名称. */
export const renameCollective: Handler<typeof contract.review.renameCollective> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const collective = await collectiveInScope(ctx, input.collectiveId);
  if (collective.status !== 'active') throw new AppError('COLLECTIVE_INACTIVE');
  if (normalizeName(input.name) === collective.normalizedName) throw new AppError('INVALID_STATE', '新名称与现名称相同');
  const account = await ctx.store.get<AccountDoc>('accounts', collective.accountId);
  const filings = (await filingsOfCollective(ctx.store, collective.id)).filter((f) => f.status !== 'revoked' && f.status !== 'closed');
  const events = await eventsOfCollective(ctx.store, collective.accountId);
  const now = ctx.now();
  const at = now.toISOString();
  const next: CollectiveDoc = {
    ...collective,
    name: input.name,
    normalizedName: normalizeName(input.name),
    formerNames: [...collective.formerNames, collective.name],
    updatedAt: at,
    version: collective.version + 1,
  };
  const renamed: WrittenFiling[] = filings.map((f) => ({
    ...f,
    name: input.name,
    normalizedName: next.normalizedName,
    content: { ...f.content, name: input.name },
    history: [...f.history, historyEntry(now, actor, 'review.rename', `${collective.name} → ${input.name}：${input.reason}`)],
    updatedAt: at,
    version: f.version + 1,
    tallied: TALLY_VERSION,
  }));
  await transact(ctx.store, async (tx) => {
    const { id: _c, ...collectiveFields } = next;
    void _c;
    if (!(await tx.update('collectives', collective.id, { set: collectiveFields }, { version: collective.version }))) throw new AppError('CONFLICT');
    if (account && !(await tx.update('accounts', account.id, { set: { name: input.name, updatedAt: at, version: account.version + 1 } }, { version: account.version }))) {
      throw new AppError('CONFLICT');
    }
    await carryEvents(tx, events, { collectiveName: input.name }, at);
    for (const [i, f] of renamed.entries()) {
      const { id: _f, ...fields } = f;
      void _f;
      if (!(await tx.update('filings', f.id, { set: fields }, { version: filings[i].version }))) throw new AppError('CONFLICT');
      await moveCount(tx, f.campaignId, f.unitPath, filings[i], f);
    }
    await audit(tx, now, {
      actor,
      action: 'review.rename',
      objectType: 'collective',
      objectId: collective.id,
      unitPath: collective.unitPath,
      before: { name: collective.name },
      after: { name: input.name, formerNames: next.formerNames },
      reason: input.reason,
    });
  });
  const latest = renamed.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  const duplicates = await possibleDuplicates(ctx.store, input.name, collective.id);
  return {
    filing: latest ? await filingView(ctx.store, latest, actor) : null,
    possibleDuplicates: await duplicatesView(ctx.store, duplicates.map((d) => d.id), actor),
  };
};
