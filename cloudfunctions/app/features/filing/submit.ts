import type { contract } from '../../../../shared/contract';
import { filingStrictContent } from '../../../../shared/contract/filing-content';
import { AppError, type FieldErrors } from '../../../../shared/errors';
import { firstStage } from '../../../../shared/domain/filing/chain';
import type { CheckKey } from '../../../../shared/domain/filing/conditions';
import { nextStatus } from '../../../../shared/domain/filing/status';
import { accountOf } from '../../context';
import { fieldErrors } from '../../router';
import { ancestorAt } from '../../common/filing-placement';
import { commitFiling, historyEntry } from '../../common/filing-write';
import { possibleDuplicates } from '../../common/duplicate-names';
import { checksFor, filingView } from '../../common/filing-views';
import type { Handler } from '../../router';
import { prepareEdit } from './prepare';
import { draftAction } from './save-draft';

/** Where a failed condition is shown in the form. */
const CHECK_FIELD: Record<CheckKey, string> = {
  members: 'memberCount',
  under35Share: 'membersUnder35',
  leaderAge: 'leaderAge',
  eligibility: 'priorTitles',
};

/**
 * 提交报备 (or resubmit after a return): saves the content, then holds it to the strict rules, the
 * campaign's basic conditions and its eligibility rule, and lists every problem at once, each at its
 * field. Nothing typed is lost: a refused submit still keeps the content as the draft.
 */
export const submit: Handler<typeof contract.filing.submit> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const { campaign, collective, before, next } = await prepareEdit(ctx, input.campaignId, input.content);

  const problems: FieldErrors = {};
  const strict = filingStrictContent.safeParse(input.content);
  if (!strict.success) Object.assign(problems, fieldErrors(strict.error));
  for (const check of checksFor(input.content, campaign)) {
    const field = CHECK_FIELD[check.key];
    if (check.ok === false) problems[field] ??= `${check.label}：${check.reason}`;
  }
  if (Object.keys(problems).length > 0) {
    await commitFiling(ctx, before, next, { actor, action: draftAction(before) });
    throw new AppError('FILING_INCOMPLETE', `${ERR_PREFIX}${Object.values(problems).join('；')}`, problems);
  }

  const status = nextStatus(next.status, 'submit');
  if (!status) throw new AppError('FILING_NOT_EDITABLE');
  const stage = firstStage(next.unitLevel);
  const duplicates = await possibleDuplicates(ctx.store, next.name, collective.id);
  const resubmitted = before?.status === 'returned';
  const filed = {
    ...next,
    status,
    stage,
    stageUnitId: ancestorAt(next.unitPath, stage),
    submittedAt: ctx.now().toISOString(),
    feedback: null,
    possibleDuplicateIds: duplicates.map((d) => d.id),
    history: [...next.history, historyEntry(ctx.now(), actor, 'filing.submit', resubmitted ? '退回后重新提交' : null)],
  };
  await commitFiling(ctx, before, filed, { actor, action: 'filing.submit' });
  return { filing: await filingView(ctx.store, filed, accountOf(ctx)) };
};

const ERR_PREFIX = '请修改以下内容后再提交：';
