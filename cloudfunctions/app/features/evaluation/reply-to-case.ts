import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../common/audit';
import type { EvaluationCaseDoc } from '../../collections/evaluation';
import type { CollectiveDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { caseView } from './collective-cases';
import { countFollowUp } from './counts';

const REFUSED = '答复内容：含有不宜公开的信息，请修改后再提交';

/**
 * The collective answers one of its open 差评 with 整改 or 说明. The text passes content security first;
 * the answer and its audit record land together, only while the case is still open (a second answer, or
 * one racing it, is refused). Another collective's case is as unknown as a missing one.
 */
export const replyToCase: Handler<typeof contract.evaluation.replyToCase> = async (ctx, input) => {
  const account = accountOf(ctx);
  const found = await ctx.store.get<EvaluationCaseDoc>('evaluationCases', input.caseId);
  // The case names its collective; only the account that signs in for it now may answer.
  const collective = found ? await ctx.store.get<CollectiveDoc>('collectives', found.collectiveId) : null;
  if (!found || !collective || collective.accountId !== account.id || found.status === 'withdrawn') throw new AppError('NOT_FOUND', '未找到该差评');
  if (found.status !== 'open') throw new AppError('INVALID_STATE', '该差评已答复');
  if ((await ctx.contentSecurity.checkText({ text: input.text, scene: 'profile', openid: ctx.caller.openid })) !== 'pass') {
    throw new AppError('CONTENT_REJECTED', REFUSED, { text: REFUSED });
  }
  const at = ctx.now().toISOString();
  const reply = { kind: input.kind, text: input.text, at };
  const answeredOnTime = at < found.dueAt;
  const next: EvaluationCaseDoc = { ...found, status: 'answered', reply, answeredOnTime, updatedAt: at, version: found.version + 1 };
  await transact(ctx.store, async (tx) => {
    const applied = await tx.update('evaluationCases', found.id, { set: { status: next.status, reply, answeredOnTime, updatedAt: at, version: next.version } }, { version: found.version, status: 'open' });
    if (!applied) throw new AppError('CONFLICT');
    if (answeredOnTime) await countFollowUp(tx, found.collectiveId, { answeredOnTime: 1 });
    await audit(tx, ctx.now(), {
      actor: account,
      action: 'evaluation.replyToCase',
      objectType: 'collective',
      objectId: collective.id,
      unitPath: collective.unitPath,
      after: { caseId: found.id, kind: input.kind, onTime: answeredOnTime },
    });
  });
  const view = await caseView(ctx.store, next, ctx.now());
  if (!view) throw new AppError('NOT_FOUND', '未找到该差评');
  return { case: view };
};
