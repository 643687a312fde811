import { AppError } from '../../../../shared/errors';
import type { contract } from '../../../../shared/contract';
import type { CategoryListView } from '../../../../shared/contract/creationlog-views';
import type { CategoryItem } from '../../../../shared/domain/creationlog/categories';
import type { CampaignDoc } from '../../collections';
import type { CreationCategoriesDoc, CreationEntryDoc } from '../../collections/creationlog';
import { audit } from '../../common/audit';
import { latestCampaign } from '../../common/campaigns';
import { campaignCategories } from '../../common/creation-categories';
import { accountOf, type UseCaseContext } from '../../context';
import { DuplicateKeyError } from '../../ports/store';
import { transact } from '../../ports/transaction-retry';
import type { Handler } from '../../router';
import { newId } from '../../security/random';

async function campaignOf(ctx: UseCaseContext, campaignId: string): Promise<CampaignDoc> {
  const campaign = await ctx.store.get<CampaignDoc>('campaigns', campaignId);
  if (!campaign) throw new AppError('NOT_FOUND', '未找到该创建活动');
  return campaign;
}

/** Whether some entry of the campaign (draft or submitted) has the category: one read of the (campaignId, category) index. */
async function inUse(ctx: UseCaseContext, campaignId: string, code: string): Promise<boolean> {
  const { items } = await ctx.store.find<CreationEntryDoc>('creationEntries', { where: { campaignId, category: code }, orderBy: { fields: [], direction: 'asc' }, limit: 1 });
  return items.length > 0;
}

async function listView(ctx: UseCaseContext, campaignId: string, list: { categories: CategoryItem[]; version: number }): Promise<CategoryListView> {
  const categories = await Promise.all(list.categories.map(async (c) => ({ ...c, inUse: await inUse(ctx, campaignId, c.code) })));
  return { campaignId, categories, version: list.version };
}

/** A campaign's creation-log categories (without one named: the newest campaign's, which new entries go under), each marked when entries use it (the office's page shows what it may remove). */
export const categories: Handler<typeof contract.creationlog.categories> = async (ctx, input) => {
  const campaign = input.campaignId ? await campaignOf(ctx, input.campaignId) : await latestCampaign(ctx.store);
  if (!campaign) throw new AppError('NO_CAMPAIGN');
  return listView(ctx, campaign.id, await campaignCategories(ctx.store, campaign.id));
};

const refuse = (message: string) => new AppError('INVALID_INPUT', message, { categories: message });

/**
 * The office sets a campaign's categories: 1–12, names of at most 10 characters, none twice, at least one offered to
 * new entries. A category an entry has keeps its code and name (it may only be hidden); a new one gets a code of its
 * own. On the version the page read; audited with the lists before and after.
 */
export const setCategories: Handler<typeof contract.creationlog.setCategories> = async (ctx, input) => {
  const campaign = await campaignOf(ctx, input.campaignId);
  const current = await campaignCategories(ctx.store, campaign.id);
  if (current.version !== input.version) throw new AppError('CONFLICT');
  const labels = input.categories.map((c) => c.label);
  const twice = labels.find((label, i) => labels.indexOf(label) !== i);
  if (twice !== undefined) throw refuse(`类别：名称不能重复（${twice}）`);
  if (input.categories.every((c) => c.hidden)) throw refuse('类别：至少保留1个对新动态显示的类别');
  const unknown = input.categories.find((c) => c.code !== undefined && !current.categories.some((k) => k.code === c.code));
  if (unknown) throw refuse(`类别：${unknown.label} 不是本创建活动已有的类别`);
  for (const before of current.categories) {
    const after = input.categories.find((c) => c.code === before.code);
    if ((!after || after.label !== before.label) && (await inUse(ctx, campaign.id, before.code))) {
      const message = `类别“${before.label}”已有动态使用，不能删除或改名，只能隐藏`;
      throw new AppError('CATEGORY_IN_USE', message, { categories: message });
    }
  }
  const next: CreationCategoriesDoc = {
    id: campaign.id,
    categories: input.categories.map((c) => ({ code: c.code ?? `c${newId().slice(0, 8)}`, label: c.label, hidden: c.hidden })),
    version: current.version + 1,
    updatedAt: ctx.now().toISOString(),
  };
  const actor = accountOf(ctx);
  await transact(ctx.store, async (tx) => {
    if (current.version === 0) {
      try {
        await tx.insert('creationCategories', next);
      } catch (error) {
        if (error instanceof DuplicateKeyError) throw new AppError('CONFLICT');
        throw error;
      }
    } else {
      const { id: _id, ...set } = next;
      void _id;
      if (!(await tx.update('creationCategories', campaign.id, { set }, { version: current.version }))) throw new AppError('CONFLICT');
    }
    await audit(tx, ctx.now(), {
      actor,
      action: 'creationlog.setCategories',
      objectType: 'campaign',
      objectId: campaign.id,
      unitPath: actor.unitPath,
      before: { categories: current.categories },
      after: { categories: next.categories },
    });
  });
  return listView(ctx, campaign.id, next);
};
