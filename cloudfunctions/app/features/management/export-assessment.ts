import type { contract } from '../../../../shared/contract';
import { chinaDateOf } from '../../../../shared/domain/filing/window';
import { appliesTo } from '../../../../shared/domain/management/assessment';
import { titledSheet, workbookBase64 } from '../../common/xlsx-sheet';
import { accountOf } from '../../context';
import type { Handler } from '../../router';
import { loadRound } from './assessment';
import { rankingOf } from './ranking';

const KIND_LABELS = { office: '—', industry: '行业', region: '地方' } as const;

/**
 * The round's results in one uniform layout: a row per level-1 unit in rank order, each item's score
 * ("不考核" where it does not apply), the base, its rescaled value, bonus, deduction, total and version.
 */
export const exportAssessment: Handler<typeof contract.management.exportAssessment> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const round = await loadRound(ctx.store, input.roundId);
  const { rows, sheets } = await rankingOf(ctx, round);
  const today = chinaDateOf(ctx.now());
  const state = round.status === 'published' ? `发布时间：${chinaDateOf(new Date(round.publishedAt ?? ''))}` : '尚未发布（评分中）';
  const columns = ['名次', '单位', '类别', ...round.items.map((item) => `${item.no}.${item.name}（${item.max}分）`), '基础得分', '折算得分', '加分', '减分', '总分', '版本'];
  const { book, sheet } = titledSheet(
    '考评结果',
    `${round.title}结果`,
    `${state}    导出人：${actor.name}    导出时间：${today}（行业单位不考核第1、6项，基础得分按比例折算）`,
    columns,
    [6, 30, 6, ...round.items.map(() => 12), 10, 10, 8, 8, 10, 6],
  );
  for (const row of rows) {
    const scores = sheets.get(row.unitId)?.scores ?? {};
    sheet.addRow([
      row.rank, row.unitName, KIND_LABELS[row.unitKind],
      ...round.items.map((item) => (appliesTo(item.no, row.unitKind) ? scores[item.no]?.points ?? '' : '不考核')),
      row.base, row.scaledBase, row.bonus, row.deduction, row.total, row.version,
    ]);
  }
  return { fileName: `${round.title}结果-${today}.xlsx`, contentBase64: await workbookBase64(book), rows: rows.length };
};
