import ExcelJS from 'exceljs';
import type { contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { parseCsv, readQuotaTable, sameUnitName } from '../../../../shared/domain/filing/quota-table';
import { audit } from '../../common/audit';
import type { QuotaDoc } from '../../collections';
import { accountOf } from '../../context';
import { loadCampaign } from '../../common/campaigns';
import type { Handler } from '../../router';
import { quotaId } from '../../common/campaigns';
import { childUnits } from '../../common/units';
import { transact } from '../../ports/transaction-retry';

async function cellsOf(fileName: string, bytes: Buffer): Promise<string[][]> {
  if (/\.csv$/i.test(fileName)) return parseCsv(bytes.toString('utf8'));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c++) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  }
  return rows;
}

/**
 * 名额分配表 from a spreadsheet: each row's places, or base and required filings, for the level-1 unit
 * of that name. Rows that name no unit are reported, not guessed. The table is taken as written: where
 * required filings differ from ten times the base (公安: 100 and 100), the table wins.
 */
export const importQuotas: Handler<typeof contract.campaign.importQuotas> = async (ctx, input) => {
  const actor = accountOf(ctx);
  const campaign = await loadCampaign(ctx.store, input.campaignId);
  let rows;
  try {
    rows = readQuotaTable(await cellsOf(input.fileName, Buffer.from(input.content, 'base64')));
  } catch {
    throw new AppError('QUOTA_FILE_INVALID');
  }
  if (rows.length === 0) throw new AppError('QUOTA_FILE_INVALID', '名额分配表中没有找到“名额”或“基数”列及数据行');
  const units = await childUnits(ctx.store, actor.unitId);
  const matched: Array<{ quota: QuotaDoc; existing: QuotaDoc | null }> = [];
  const unmatched: Array<{ row: number; name: string }> = [];
  for (const row of rows) {
    const unit = units.find((u) => sameUnitName(u.name, row.name));
    if (!unit) {
      unmatched.push({ row: row.row, name: row.name });
      continue;
    }
    const id = quotaId(campaign.id, unit.id);
    matched.push({
      quota: { id, campaignId: campaign.id, unitId: unit.id, places: row.places, base: row.base, requiredFilings: row.requiredFilings },
      existing: await ctx.store.get<QuotaDoc>('quotas', id),
    });
  }
  await transact(ctx.store, async (tx) => {
    for (const { quota, existing } of matched) {
      if (existing) {
        const { id: _q, ...set } = quota;
        void _q;
        await tx.update('quotas', quota.id, { set });
      } else {
        await tx.insert('quotas', quota);
      }
    }
    await audit(tx, ctx.now(), {
      actor, action: 'campaign.importQuotas', objectType: 'campaign', objectId: campaign.id, unitPath: actor.unitPath,
      after: { fileName: input.fileName, imported: matched.length, unmatched: unmatched.length },
    });
  });
  return { imported: matched.length, unmatched };
};
