import type { CloudBase } from '@cloudbase/node-sdk';
import { chinaWallClock, pad2 } from '../../../shared/domain/china-time';
import type { AccountDoc } from '../../app/collections';
import type { Message, Notifier } from '../../app/ports/notifier';
import type { Store } from '../../app/ports/store';

/**
 * One subscribe-message template per topic, as registered in the mini-program's console: its id and
 * which template key carries the title, the body and the time (e.g. `{ "thing1": "title", "time2": "time" }`).
 */
export interface TemplateSpec {
  templateId: string;
  fields: Record<string, 'title' | 'body' | 'time'>;
}

/** WeChat caps `thing` values at 20 characters; longer ones make the whole message fail. */
const THING_LIMIT = 20;

function value(key: string, text: string): string {
  return key.startsWith('thing') && text.length > THING_LIMIT ? `${text.slice(0, THING_LIMIT - 1)}…` : text;
}

/** China time as subscribe messages show it: 2019年01月19日 23:59. */
function chinaTime(at: Date): string {
  const t = chinaWallClock(at);
  return `${t.getUTCFullYear()}年${pad2(t.getUTCMonth() + 1)}月${pad2(t.getUTCDate())}日 ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}`;
}

/**
 * Sends a message as a WeChat subscribe message (云调用 subscribeMessage.send) to the recipient's
 * OPENID: an account's bound WeChat user, or a mini-program visitor (`wx:<OPENID>`). Visitors known only
 * by an H5 token have no WeChat identity and get nothing here. A topic without a template, an account
 * without a binding, or a refusal (no subscription left) is dropped: messages are best effort.
 */
export class SubscribeMessageNotifier implements Notifier {
  constructor(
    private readonly app: Pick<CloudBase, 'callWxOpenApi'>,
    private readonly store: Store,
    private readonly templates: Record<string, TemplateSpec>,
    private readonly now: () => Date,
    private readonly miniprogramState: 'developer' | 'trial' | 'formal' = 'formal',
  ) {}

  private async openidOf(message: Message): Promise<string | null> {
    if (message.recipient.kind === 'visitor') {
      const id = message.recipient.visitorId;
      return id.startsWith('wx:') ? id.slice(3) : null;
    }
    return (await this.store.get<AccountDoc>('accounts', message.recipient.accountId))?.openid ?? null;
  }

  async send(message: Message): Promise<void> {
    const template = this.templates[message.topic];
    const openid = await this.openidOf(message);
    if (!template || !openid) return;
    const texts = { title: message.title, body: message.body, time: chinaTime(this.now()) };
    const data = Object.fromEntries(Object.entries(template.fields).map(([key, source]) => [key, { value: value(key, texts[source]) }]));
    try {
      const result = (await this.app.callWxOpenApi({
        apiName: 'subscribeMessage.send',
        requestData: {
          touser: openid,
          template_id: template.templateId,
          page: message.page,
          data,
          miniprogram_state: this.miniprogramState,
          lang: 'zh_CN',
        },
      })) as { code?: string; message?: string; result?: { errcode?: number; errmsg?: string } };
      if (result.code || result.result?.errcode) {
        console.warn(`[notifier] ${message.topic} not delivered: ${result.code ?? result.result?.errcode} ${result.message ?? result.result?.errmsg ?? ''}`);
      }
    } catch (error) {
      console.warn(`[notifier] ${message.topic} not delivered`, error);
    }
  }
}
