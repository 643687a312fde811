import type { contract } from '../../../../shared/contract';
import { POSTER_PAGE, sceneOf } from '../../../../shared/domain/evaluation/poster';
import { isWithin } from '../../../../shared/domain/unit-tree';
import { AppError } from '../../../../shared/errors';
import type { PublicPageDoc } from '../../collections/evaluation';
import { collectiveOfAccount } from '../../common/collectives';
import { accountOf, type Deps, type UseCaseContext } from '../../context';
import type { Handler } from '../../router';
import { markView, standingOf } from './campaign-of';
import { targetByCode, type Target } from './pages';

/**
 * The poster's collective: a collective's own (a code naming another is refused), or, for an admin, the
 * one its code names when it lies in the admin's unit and subtree.
 */
async function posterTarget(ctx: UseCaseContext, code: string | undefined): Promise<Target> {
  const account = accountOf(ctx);
  if (account.role === 'collective') {
    const collective = await collectiveOfAccount(ctx.store, account);
    const page = collective ? await ctx.store.get<PublicPageDoc>('publicPages', collective.id) : null;
    if (!collective || !page) throw new AppError('NOT_FOUND', '未找到该集体的三亮主页');
    if (code && code !== page.code) throw new AppError('FORBIDDEN', '只能生成本集体的二维码海报');
    return { collective, page };
  }
  if (!code) throw new AppError('INVALID_INPUT', '集体编号：缺少');
  const target = await targetByCode(ctx.store, code);
  if (!isWithin(account.unitPath, target.collective.unitPath)) throw new AppError('NOT_IN_SCOPE');
  return target;
}

/**
 * The page's mini-program code: the file id kept on the page, or made now (once) and kept. Two posters at
 * once may both ask WeChat; the second file id kept wins and both images open the same page. Where there are
 * no mini-program codes (the local host) or WeChat gave none, null: the client draws the H5 QR.
 */
async function miniProgramCodeOf(deps: Deps, page: PublicPageDoc): Promise<string | null> {
  if (page.miniProgramCode) return page.miniProgramCode;
  if (!deps.miniProgramCodes || !deps.files) return null;
  const image = await deps.miniProgramCodes.codeFor({ scene: sceneOf(page.code), page: POSTER_PAGE });
  if (!image) return null;
  const fileId = await deps.files.save(`posters/${page.code}.png`, image, 'image/png');
  await deps.store.update('publicPages', page.id, { set: { miniProgramCode: fileId } });
  return fileId;
}

/** What the QR poster shows; only 创建集体 carry the mark. */
export const posterOf: Handler<typeof contract.evaluation.posterOf> = async (ctx, input) => {
  const { collective, page } = await posterTarget(ctx, input.code);
  const { mark } = await standingOf(ctx.store, collective);
  return {
    code: page.code,
    name: collective.name,
    mark: mark ? markView(mark) : null,
    commitment: page.commitment,
    miniProgramCode: await miniProgramCodeOf(ctx, page),
    pageUrl: `${ctx.config.publicUrl}/#/${POSTER_PAGE}?code=${page.code}`,
  };
};
