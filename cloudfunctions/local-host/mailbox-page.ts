import type { DevMailDoc } from '../app/collections';
import type { Store } from '../app/ports/store';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A developer page listing the 50 newest mails, so recovery works end to end without SMTP. */
export async function renderMailbox(store: Store): Promise<string> {
  const { items } = await store.find<DevMailDoc>('devMailbox', { orderBy: { fields: ['sentAt'], direction: 'desc' }, limit: 50 });
  const linkify = (text: string) => escape(text).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>');
  const mails = items
    .map(
      (m) => `<article class="mail"><h2>${escape(m.subject)}</h2><p class="meta">收件人 <span class="to">${escape(m.to)}</span> · ${escape(m.sentAt)}</p><pre>${linkify(m.text)}</pre></article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>本地发件箱</title>
<style>body{font-family:system-ui,sans-serif;max-width:760px;margin:24px auto;padding:0 16px}.mail{border:1px solid #ddd;border-radius:8px;padding:12px 16px;margin:12px 0}.meta{color:#888}pre{white-space:pre-wrap}</style>
</head><body><h1>本地发件箱</h1><p>未配置 SMTP_URL 时，系统邮件保存在这里（仅本机开发使用）。</p>${mails || '<p>暂无邮件</p>'}</body></html>`;
}
