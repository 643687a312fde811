import type { contract } from '../../../../shared/contract';
import type { ResetTokenDoc } from '../../collections';
import { checkLimits } from '../../limits/policy';
import { afterCommit } from '../../outbox/perform';
import { enqueue } from '../../outbox/records';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { linkSecret } from '../../security/random';
import { accountsWithEmail, RECOVERY_ANSWER } from './recovery-mail';

export const RESET_LINK_MINUTES = 30;

/** 找回密码: a single-use link valid for 30 minutes goes to the recovery address, one per account. */
export const requestPasswordReset: Handler<typeof contract.account.requestPasswordReset> = async (ctx, input) => {
  await checkLimits(ctx, 'recoveryMail', { email: input.email });
  const now = ctx.now();
  for (const account of await accountsWithEmail(ctx, input.email)) {
    const { secret, hash } = linkSecret();
    const token: ResetTokenDoc = {
      id: hash,
      accountId: account.id,
      expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000).toISOString(),
      usedAt: null,
    };
    const link = `${ctx.config.publicUrl}/#/pages/auth/reset-password?token=${secret}`;
    const mail = {
      to: input.email,
      subject: '【青年文明号】重置密码',
      text: [
        `您好！帐号 ${account.code}（${account.name}）申请重置密码。`,
        `请在${RESET_LINK_MINUTES}分钟内打开以下链接设置新密码（链接只能使用一次）：`,
        link,
        '如非本人操作，请忽略本邮件，原密码仍然有效。',
      ].join('\n'),
    };
    // The link exists exactly when its mail is on its way. The outbox record holds the link until the
    // mail is sent (then it is removed), as the mail itself does in transit.
    const work = await transact(ctx.store, async (tx) => {
      await tx.insert('resetTokens', token);
      return enqueue(tx, now, { kind: 'mail', mail });
    });
    await afterCommit(ctx, [work]);
  }
  return { message: RECOVERY_ANSWER };
};
