import ExcelJS from 'exceljs';
import type { contract } from '../../../../shared/contract';
import { EVENT_TYPE_LABELS, SIGNUP_STATUS_RULES } from '../../../../shared/domain/openweek/event-rules';
import type { Handler } from '../../router';
import { ownEvent, signupsOf } from './loaders';
import { chinaTime } from '../../../../shared/domain/china-time';

/** The attendee list as xlsx, for the organizing collective only (full names and phones). */
export const exportAttendees: Handler<typeof contract.openweek.exportAttendees> = async (ctx, input) => {
  const event = await ownEvent(ctx, input.eventId);
  const book = new ExcelJS.Workbook();
  book.creator = '青年文明号在线';
  const sheet = book.addWorksheet('报名名单');
  sheet.addRow([`${event.title}（${EVENT_TYPE_LABELS[event.type]}）`, `${chinaTime(event.startAt)} — ${chinaTime(event.endAt)}`, event.address]);
  sheet.addRow(['序号', '姓名', '手机号', event.extraQuestion ?? '报名问题', '状态', '候补顺序', '报名时间', '签到时间']);
  sheet.getRow(2).font = { bold: true };
  let n = 0;
  for await (const s of signupsOf(ctx.store, event.id)) {
    n += 1;
    sheet.addRow([
      n,
      s.name,
      s.phone,
      s.answer ?? '',
      SIGNUP_STATUS_RULES[s.status].label,
      s.status === 'waitlisted' ? s.waitOrder : '',
      chinaTime(s.createdAt),
      s.checkedInAt ? chinaTime(s.checkedInAt) : '',
    ]);
  }
  sheet.columns.forEach((column, i) => {
    column.width = [6, 12, 14, 24, 10, 10, 14, 14][i] ?? 12;
  });
  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  const safeTitle = event.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);
  return { filename: `${safeTitle}-报名名单.xlsx`, base64: buffer.toString('base64') };
};
