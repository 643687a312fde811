import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../common/audit';
import { loadInScope } from '../../common/scope';
import type { ComplaintDoc } from '../../collections/evaluation';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { unitComplaintView } from './complaint-views';

/** The managing unit records how the collective put an upheld complaint right, once; audited. */
export const recordRectification: Handler<typeof contract.evaluation.recordRectification> = async (ctx, input) => {
  const account = accountOf(ctx);
  const found = await loadInScope<ComplaintDoc>(ctx, 'complaints', input.complaintId, '未找到该投诉', (c) => c.unitPath);
  if (found.verdict !== 'upheld' || !found.response) throw new AppError('INVALID_STATE', '只有核实属实的投诉才能记录整改');
  if (found.response.rectification) throw new AppError('INVALID_STATE', '该投诉已记录整改情况');
  if (found.collectiveRectification?.state === 'submitted') throw new AppError('INVALID_STATE', '集体已提交整改情况，请确认或退回');
  const at = ctx.now().toISOString();
  const set = { response: { ...found.response, rectification: { text: input.text, at } }, updatedAt: at, version: found.version + 1 };
  await transact(ctx.store, async (tx) => {
    if (!(await tx.update('complaints', found.id, { set }, { version: found.version }))) throw new AppError('CONFLICT');
    await audit(tx, ctx.now(), {
      actor: account,
      action: 'evaluation.recordRectification',
      objectType: 'collective',
      objectId: found.collectiveId,
      unitPath: found.unitPath,
      after: { complaintId: found.id },
    });
  });
  return { complaint: await unitComplaintView(ctx.store, { ...found, ...set }, ctx.now()) };
};
