import type { contract } from '../../../../shared/contract';
import type { DashboardRowView } from '../../../../shared/contract/management';
import { chinaDateOf } from '../../../../shared/domain/filing/window';
import { titledSheet, workbookBase64 } from '../../common/xlsx-sheet';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { dashboardFigures } from './figures';

const KIND_LABELS: Record<DashboardRowView['kind'], string> = { office: '—', industry: '行业', region: '地方' };
const TARGET_SOURCES: Record<NonNullable<DashboardRowView['targetSource']>, string> = { table: '名额分配表', multiplier: '基数×倍数', sum: '下级合计' };

const percent = (value: number | null) => (value === null ? '' : Math.round(value * 1000) / 10);

function sheetRow(index: number | string, r: DashboardRowView): Array<string | number> {
  return [
    index, r.unitName, KIND_LABELS[r.kind], r.places ?? r.base ?? '', r.target ?? '', r.targetSource ? TARGET_SOURCES[r.targetSource] : '',
    r.filed, r.approved, percent(r.progress), r.pastHolders, percent(r.pastHolderShare), r.nonPublic, percent(r.nonPublicShare),
    r.overdue.level1, r.overdue.level2, r.overdue.level3,
  ];
}

/** The dashboard's table as xlsx: a row per unit shown, then the viewed unit's total. */
export const exportDashboard: Handler<typeof contract.management.exportDashboard> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const view = await dashboardFigures(ctx, input);
  const days = view.overdueDays;
  const columns = [
    '序号', '单位', '归口', '名额/基数', '报备目标', '目标来源', '报备数', '创建集体数', '完成率（%）', '往届集体', '往届占比（%）', '非公/社会组织', '非公占比（%）',
    `超${days}天待一级审核`, `超${days}天待二级审核`, `超${days}天待三级审核`,
  ];
  const today = chinaDateOf(ctx.now());
  const { book, sheet } = titledSheet(
    '报备进度',
    `${view.campaign.name}报备进度表`,
    `单位：${view.total.unitName}    填报人：${actor.name}    导出时间：${today}（报备目标倍数 ${view.campaign.rules.targetMultiplier}）`,
    columns,
    [6, 30, 8, 10, 10, 12, 8, 10, 10, 8, 10, 12, 10, 12, 12, 12],
  );
  view.rows.forEach((r, i) => sheet.addRow(sheetRow(i + 1, r)));
  sheet.addRow(sheetRow('合计', view.total)).font = { bold: true };
  return { fileName: `报备进度表-${view.total.unitName}-${today}.xlsx`, contentBase64: await workbookBase64(book), rows: view.rows.length };
};
