import { AppError, type FieldErrors } from '../../../../shared/errors';
import type { contract } from '../../../../shared/contract';
import { entryContent } from '../../../../shared/contract/creationlog';
import { chinaMonthOf } from '../../../../shared/domain/creationlog/silence';
import { chinaDateOf } from '../../../../shared/domain/filing/window';
import { audit } from '../../common/audit';
import type { CreationActivityDoc, CreationEntryDoc } from '../../collections/creationlog';
import { accountOf } from '../../context';
import { transact } from '../../ports/transaction-retry';
import { fieldErrors, type Handler } from '../../router';
import { ensureActivity } from './activity';
import { countSubmission, moveActiveDay } from './counts';
import { entryView, myCollective, ownDraft } from './entries';

/** Every rule 提交创建日志 needs, each at its field: the form's own strict schema, and a work date no later than today (China time). */
function checkComplete(draft: CreationEntryDoc, now: Date): void {
  const parsed = entryContent.safeParse({
    title: draft.title,
    workDate: draft.workDate,
    text: draft.text,
    images: draft.images,
    category: draft.category ?? undefined,
  });
  const fields: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
  if (!fields.workDate && draft.workDate > chinaDateOf(now)) fields.workDate = '工作日期：不能晚于今天';
  if (Object.keys(fields).length > 0) throw new AppError('INVALID_INPUT', Object.values(fields).join('；'), fields);
}

/**
 * 提交创建日志: the draft becomes the log's read-only record, stamped with the time, visible to the admins of its
 * chain. In the same transaction: the month and category counters of every unit on its path and of the
 * collective, the day of its latest submission (who is active), and the audit record.
 */
export const submit: Handler<typeof contract.creationlog.submit> = async (ctx, input) => {
  const collective = await myCollective(ctx);
  const draft = await ownDraft(ctx, collective, input.entryId);
  if (draft.version !== input.version) throw new AppError('CONFLICT');
  const now = ctx.now();
  checkComplete(draft, now);
  await ensureActivity(ctx, collective);
  const at = now.toISOString();
  const next: CreationEntryDoc = { ...draft, status: 'submitted', submittedAt: at, updatedAt: at, version: draft.version + 1 };
  await transact(ctx.store, async (tx) => {
    const { id: _id, ...set } = next;
    void _id;
    if (!(await tx.update('creationEntries', draft.id, { set }, { version: draft.version, status: 'draft' }))) throw new AppError('CONFLICT');
    await countSubmission(tx, { campaignId: next.campaignId, unitPath: next.unitPath, collectiveId: next.collectiveId, category: next.category! }, chinaMonthOf(now));
    const activity = await tx.get<CreationActivityDoc>('creationActivity', collective.id);
    const before = activity?.lastSubmittedAt ? { day: chinaDateOf(new Date(activity.lastSubmittedAt)), unitPath: activity.unitPath } : null;
    await moveActiveDay(tx, before, { day: chinaDateOf(now), unitPath: next.unitPath });
    const placed = { unitPath: next.unitPath, unitL1: next.unitL1, unitL2: next.unitL2, unitL3: next.unitL3, unitName: next.unitName };
    await tx.update('creationActivity', collective.id, { set: { lastSubmittedAt: at, collectiveName: collective.name, ...placed } });
    await audit(tx, now, {
      actor: accountOf(ctx),
      action: 'creationlog.submitEntry',
      objectType: 'creationEntry',
      objectId: next.id,
      unitPath: next.unitPath,
      before: { status: 'draft' },
      after: { status: 'submitted', title: next.title, category: next.category, correctsId: next.correctsId },
    });
  });
  return { entry: entryView(next) };
};
