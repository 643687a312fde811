import { z } from 'zod';
import type { MediaSuggest } from '../ports/content-security';

/**
 * WeChat's asynchronous verdict on a mediaCheckAsync (version 2) image, as the 消息推送 delivers it to a cloud
 * function (JSON mode: the event is the message itself), e.g.
 * `{"ToUserName":"gh_…","FromUserName":"o…","CreateTime":1762329554,"MsgType":"event","Event":"wxa_media_check",
 *   "appid":"wx…","trace_id":"690b03d2-301f6111-35ffbd44","version":2,"result":{"suggest":"pass","label":"100"},
 *   "detail":[{"strategy":"content_model","errcode":0,"suggest":"pass","label":"100","prob":90}]}`.
 * Only the trace id and the overall `result.suggest` decide anything; `label` arrives as a string or a number.
 */
const wxaMediaCheck = z.object({
  MsgType: z.literal('event'),
  Event: z.literal('wxa_media_check'),
  trace_id: z.string().min(1).max(128),
  result: z.object({
    suggest: z.enum(['pass', 'review', 'risky']),
    label: z.union([z.string(), z.number()]).optional(),
  }),
});

export interface MediaVerdict {
  traceId: string;
  suggest: MediaSuggest;
}

/** The verdict a push carries; null for anything else (another event, a version 1 push without `result`, junk). */
export function parseMediaVerdict(event: unknown): MediaVerdict | null {
  const parsed = wxaMediaCheck.safeParse(event);
  return parsed.success ? { traceId: parsed.data.trace_id, suggest: parsed.data.result.suggest } : null;
}

/** The push WeChat sends for a verdict, built the same way for the local host's and the tests' deliveries. */
export const wxaMediaCheckEvent = (traceId: string, suggest: MediaSuggest, at: Date) => ({
  ToUserName: 'gh_local',
  FromUserName: '',
  CreateTime: Math.floor(at.getTime() / 1000),
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: '',
  trace_id: traceId,
  version: 2,
  result: { suggest, label: 100 },
  detail: [{ strategy: 'content_model', errcode: 0, suggest, label: 100, prob: 90 }],
});
