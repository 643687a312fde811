import ExcelJS from 'exceljs';

/**
 * A sheet laid out as the notices' tables are sent upward: the title bold and centred across the columns,
 * a line naming the unit, who filled it in and when, then the bold column headings; rows follow.
 */
export function titledSheet(sheetName: string, title: string, subtitle: string, columns: readonly string[], widths: readonly number[]) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, columns.length);
  sheet.getCell(2, 1).value = subtitle;
  sheet.addRow([...columns]).font = { bold: true };
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return { book, sheet };
}

/** The workbook as the base64 an action answers with. */
export async function workbookBase64(book: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}
