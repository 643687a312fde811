import type { contract } from '../../../../shared/contract';
import { FILING_STATUS_LABELS, type FilingStatus } from '../../../../shared/domain/filing/status';
import { chinaDateOf } from '../../../../shared/domain/filing/window';
import type { FilingDoc } from '../../collections/filing';
import { accountOf } from '../../context';
import { loadCampaign } from '../../common/campaigns';
import { eachDocument, type Filter } from '../../ports/store';
import type { Handler } from '../../router';
import { unitInScope } from '../../common/scope';
import { titledSheet, workbookBase64 } from '../../common/xlsx-sheet';

/** Filings that count as 报备集体 on the sheet: submitted and not revoked or closed. */
const LISTED: FilingStatus[] = ['filed', 'reviewing', 'returned', 'approved'];
const MAX_ROWS = 5000;

export const STATISTICS_COLUMNS = [
  '序号', '创建集体名称', '创建集体成立时间', '职工总数', '40岁以下青年人数', '何年被授予县（市）区级青年文明号称号', '联系人及职务', '联系电话和微信号', '备注',
] as const;

/** One row of 附件3 for a filing. */
export function statisticsRow(index: number, f: FilingDoc): Array<string | number> {
  const c = f.content;
  const countyYears = (c.priorTitles ?? []).filter((t) => t.level === 'county').map((t) => `${t.year}`).join('、');
  const num = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : v ?? '');
  const remarks = [FILING_STATUS_LABELS[f.status]];
  return [
    index,
    f.name,
    c.foundedOn ?? '',
    num(c.totalStaff),
    num(c.membersUnder40),
    countyYears,
    [c.leaderName, c.leaderPosition].filter(Boolean).join(' '),
    [c.phone, c.wechatId ? `微信：${c.wechatId}` : ''].filter(Boolean).join(' '),
    remarks.join('；'),
  ];
}

/** 报备统计表 (附件3 of the Yueyang notice) for the caller's subtree, or a unit in it, as xlsx. */
export const exportStatistics: Handler<typeof contract.review.exportStatistics> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const campaign = await loadCampaign(ctx.store, input.campaignId);
  const unit = await unitInScope(ctx, input.unitId ?? actor.unitId);
  const rows: FilingDoc[] = [];
  for (const status of LISTED) {
    const where: Filter = { campaignId: campaign.id, status };
    if (unit.level >= 1) where[`unitL${unit.level}`] = unit.id;
    for await (const filing of eachDocument<FilingDoc>(ctx.store, 'filings', { where, orderBy: { fields: ['updatedAt'], direction: 'asc' } })) {
      if (rows.length >= MAX_ROWS) break;
      rows.push(filing);
    }
  }
  rows.sort((a, b) => (a.submittedAt ?? '').localeCompare(b.submittedAt ?? ''));

  const { book, sheet } = titledSheet(
    '报备统计表',
    `${campaign.name}创建集体报备统计表`,
    `填报单位（盖章）：${unit.name}    填报人：${actor.name}    填报时间：${chinaDateOf(ctx.now())}`,
    STATISTICS_COLUMNS,
    [6, 28, 14, 10, 12, 20, 18, 26, 20],
  );
  rows.forEach((f, i) => sheet.addRow(statisticsRow(i + 1, f)));
  return { fileName: `报备统计表-${unit.name}-${chinaDateOf(ctx.now())}.xlsx`, contentBase64: await workbookBase64(book), rows: rows.length };
};
