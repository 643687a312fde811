import type { contract } from '../../../../shared/contract';
import type { UnitStatisticsRowView } from '../../../../shared/contract/evaluation-views';
import { chinaDateOf } from '../../../../shared/domain/filing/window';
import { titledSheet, workbookBase64 } from '../../common/xlsx-sheet';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { unitStatisticsFigures } from './unit-statistics';

const percent = (value: number | null) => (value === null ? '' : Math.round(value * 1000) / 10);

function sheetRow(index: number | string, r: UnitStatisticsRowView): Array<string | number> {
  return [index, r.unitName, r.counted, percent(r.satisfactionRate), r.web, r.casesOpen, r.casesOverdue, r.complaintsFiled, r.complaintsUpheld, r.appealsFiled, r.appealsUpheld];
}

/** The statistics' table as xlsx: a row per unit shown, then the viewed unit's total, then the monthly trend. */
export const exportUnitStatistics: Handler<typeof contract.evaluation.exportUnitStatistics> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const view = await unitStatisticsFigures(ctx, input);
  const columns = ['序号', '单位', '微信评价数', '满意率（%）', '网页评价数', '差评待回访', '其中逾期', '投诉', '投诉属实', '申诉', '申诉成立'];
  const today = chinaDateOf(ctx.now());
  const { book, sheet } = titledSheet(
    '社会评价统计',
    `${view.campaign.name}社会评价统计表`,
    `单位：${view.total.unitName}    填报人：${actor.name}    导出时间：${today}（${view.rule}）`,
    columns,
    [6, 30, 12, 12, 12, 12, 10, 8, 10, 8, 10],
  );
  view.rows.forEach((r, i) => sheet.addRow(sheetRow(i + 1, r)));
  sheet.addRow(sheetRow('合计', view.total)).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow(['月份', '', '微信评价数', '满意率（%）']).font = { bold: true };
  for (const m of view.trend) sheet.addRow([m.month, '', m.counted, percent(m.satisfactionRate)]);
  return { fileName: `社会评价统计表-${view.total.unitName}-${today}.xlsx`, contentBase64: await workbookBase64(book), rows: view.rows.length };
};
