import { AppError } from '../../../../shared/errors';
import type { EntryCardView, EntryView } from '../../../../shared/contract/creationlog-views';
import { ROLE_LABELS } from '../../../../shared/domain/roles';
import { isWithin } from '../../../../shared/domain/unit-tree';
import type { AccountDoc } from '../../collections';
import type { CollectiveDoc } from '../../collections/filing';
import type { CreationEntryDoc } from '../../collections/creationlog';
import { accountOf, type UseCaseContext } from '../../context';
import { entryCategoryLabel } from '../../common/creation-categories';
import { collectiveOfAccount, newCollective, openCollective } from '../../common/collectives';

/**
 * The collective the signed-in account keeps its log for. Reading writes nothing: an account issued before
 * collectives came with their account sees the document its first entry will create (`openMyCollective`),
 * which takes the account's id, as its entries do.
 */
export async function myCollective(ctx: UseCaseContext): Promise<CollectiveDoc> {
  const account = accountOf(ctx);
  return (await collectiveOfAccount(ctx.store, account)) ?? newCollective(account, ctx.now().toISOString());
}

/** The collective a new entry is written for, its document created first if it has none yet (as a filing's first save does). */
export const openMyCollective = (ctx: UseCaseContext): Promise<CollectiveDoc> => openCollective(ctx, accountOf(ctx));

/** One of the collective's own entries. Another collective's is NOT_FOUND: a workspace is private, even its ids. */
export async function ownEntry(ctx: UseCaseContext, collective: CollectiveDoc, entryId: string): Promise<CreationEntryDoc> {
  const entry = await ctx.store.get<CreationEntryDoc>('creationEntries', entryId);
  if (!entry || entry.collectiveId !== collective.id) throw new AppError('NOT_FOUND', '未找到该动态');
  return entry;
}

/** A draft of the collective's own, to change; a submitted entry is the log's record and stays as it is. */
export async function ownDraft(ctx: UseCaseContext, collective: CollectiveDoc, entryId: string): Promise<CreationEntryDoc> {
  const entry = await ownEntry(ctx, collective, entryId);
  if (entry.status !== 'draft') throw new AppError('ENTRY_SUBMITTED');
  return entry;
}

/** A submitted entry of the admin's subtree. Drafts do not exist for admins: NOT_FOUND, as for no entry at all. */
export async function entryInScope(ctx: UseCaseContext, entryId: string): Promise<CreationEntryDoc> {
  const entry = await ctx.store.get<CreationEntryDoc>('creationEntries', entryId);
  if (!entry || entry.status !== 'submitted') throw new AppError('NOT_FOUND', '未找到该创建日志');
  if (!isWithin(accountOf(ctx).unitPath, entry.unitPath)) throw new AppError('NOT_IN_SCOPE');
  return entry;
}

/** The level an admin reads at: 0 for the office, 1–3 for admins. */
export const levelOf = (account: AccountDoc): 0 | 1 | 2 | 3 => (account.role === 'office' ? 0 : (account.level ?? 3));

export const readFlag = (level: 0 | 1 | 2 | 3) => `readL${level}` as const;

const roleLabel = (level: 0 | 1 | 2 | 3) => (level === 0 ? ROLE_LABELS.office : ROLE_LABELS[`admin${level}`]);

export function entryCard(entry: CreationEntryDoc, unread = false): EntryCardView {
  return {
    id: entry.id,
    status: entry.status,
    title: entry.title,
    category: entry.category,
    categoryLabel: entryCategoryLabel(entry),
    workDate: entry.workDate || null,
    collectiveName: entry.collectiveName,
    unitName: entry.unitName,
    excerpt: entry.text.slice(0, 80),
    imageCount: entry.images.length,
    thumbnails: entry.thumbnails ?? entry.images,
    videoStatus: entry.videoStatus ?? null,
    guidanceCount: entry.guidance.length,
    correctsId: entry.correctsId,
    submittedAt: entry.submittedAt,
    updatedAt: entry.updatedAt,
    publicState: entry.publicState ?? null,
    unread,
  };
}

export function entryView(entry: CreationEntryDoc, unread = false): EntryView {
  return {
    ...entryCard(entry, unread),
    text: entry.text,
    images: entry.images,
    video: entry.video ? { url: entry.video.url, seconds: entry.video.seconds, bytes: entry.video.bytes, approvedByUnitName: entry.video.approvedByUnitName } : null,
    eventId: entry.eventId,
    eventTitle: entry.eventTitle,
    correctsTitle: entry.correctsTitle,
    guidance: entry.guidance.map((g) => ({ id: g.id, authorUnitName: g.authorUnitName, authorRole: roleLabel(g.authorLevel), text: g.text, at: g.at })),
    version: entry.version,
  };
}
