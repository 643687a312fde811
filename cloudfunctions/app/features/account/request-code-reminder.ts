import type { contract } from '../../../../shared/contract';
import { checkLimits } from '../../limits/policy';
import { afterCommit } from '../../outbox/perform';
import { enqueue } from '../../outbox/records';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { accountsWithEmail, RECOVERY_ANSWER } from './recovery-mail';

/** 找回帐号: the codes go to the recovery address, never onto the page. */
export const requestCodeReminder: Handler<typeof contract.account.requestCodeReminder> = async (ctx, input) => {
  await checkLimits(ctx, 'recoveryMail', { email: input.email });
  const accounts = await accountsWithEmail(ctx, input.email);
  if (accounts.length > 0) {
    const mail = {
      to: input.email,
      subject: '【青年文明号】找回用户名',
      text: [
        '您好！您在青年文明号在线申请找回用户名（编码）。以该邮箱为保密邮箱的帐号如下：',
        ...accounts.map((a) => `  ${a.code}（${a.name}）`),
        '如非本人操作，请忽略本邮件。',
      ].join('\n'),
    };
    // Through the outbox like all mail, so a failing SMTP server is retried by the job.
    await afterCommit(ctx, [await transact(ctx.store, (tx) => enqueue(tx, ctx.now(), { kind: 'mail', mail }))]);
  }
  return { message: RECOVERY_ANSWER };
};
