import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { audit } from '../../common/audit';
import type { PublicPageDoc } from '../../collections/evaluation';
import { accountOf } from '../../context';
import { openCollective } from '../../common/collectives';
import { ensurePublicPage, pageComplete } from '../../common/public-pages';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { ownPublicPageView } from './own-public-page';

const FIELD_LABELS = { commitment: '公开承诺', address: '服务地址', serviceHours: '服务时间' } as const;

/**
 * The collective edits what its page promises. Each text passes content security first: the page shows
 * it at once, so only a pass is published (a verdict still under review is refused like a rejection).
 * The change and its audit record land together, only on the version the editor read.
 */
export const updatePublicPage: Handler<typeof contract.evaluation.updatePublicPage> = async (ctx, input) => {
  const account = accountOf(ctx);
  const collective = await openCollective(ctx, account);
  const page = await ensurePublicPage(ctx, collective);
  const fields = { commitment: input.commitment || null, address: input.address || null, serviceHours: input.serviceHours || null };
  for (const name of Object.keys(FIELD_LABELS) as Array<keyof typeof FIELD_LABELS>) {
    const text = fields[name];
    if (!text || text === page[name]) continue;
    if ((await ctx.contentSecurity.checkText({ text, scene: 'profile', openid: ctx.caller.openid })) !== 'pass') {
      const message = `${FIELD_LABELS[name]}：含有不宜公开的信息，请修改后再提交`;
      throw new AppError('CONTENT_REJECTED', message, { [name]: message });
    }
  }
  const complete = pageComplete(fields);
  const next: PublicPageDoc = { ...page, ...fields, complete, updatedAt: ctx.now().toISOString(), version: page.version + 1 };
  await transact(ctx.store, async (tx) => {
    if (input.version !== page.version || !(await tx.update('publicPages', page.id, { set: { ...fields, complete, updatedAt: next.updatedAt, version: next.version } }, { version: page.version }))) {
      throw new AppError('CONFLICT');
    }
    await audit(tx, ctx.now(), {
      actor: account,
      action: 'evaluation.updatePublicPage',
      objectType: 'collective',
      objectId: collective.id,
      unitPath: collective.unitPath,
      before: { commitment: page.commitment, address: page.address, serviceHours: page.serviceHours },
      after: fields,
    });
  });
  return ownPublicPageView(next);
};
