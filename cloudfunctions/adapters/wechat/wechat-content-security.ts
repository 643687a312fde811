import type { CloudBase } from '@cloudbase/node-sdk';
import type { ContentScene, ContentSecurity, ContentVerdict, ImageCheck, ImageVerdict, TextCheck } from '../../app/ports/content-security';

/** WeChat's scene numbers for 内容安全: 1 资料, 2 评论. */
const SCENE: Record<ContentScene, number> = { profile: 1, comment: 2 };

/** msgSecCheck v2 takes at most 2,500 characters. */
const MAX_CONTENT = 2500;

interface OpenApiAnswer {
  code?: string;
  message?: string;
  result?: { errcode?: number; errmsg?: string; result?: { suggest?: string; label?: number }; trace_id?: string; traceId?: string };
}

/**
 * WeChat 内容安全 through CloudBase's 云调用 (`callWxOpenApi`): text by `security.msgSecCheck` version 2
 * with the writer's OPENID and scene, whose `suggest` is pass / review / risky; images by
 * `security.mediaCheckAsync` (version 2), which answers only a `trace_id`: the verdict arrives later as the
 * `wxa_media_check` message push (media-verdicts/), so until then the image is review under that trace id.
 * WeChat fetches the image itself, so a `cloud://` file id is first turned into a temporary https URL that
 * outlives its queue (up to 30 minutes). Without an OPENID, or when WeChat cannot answer, nothing is shown
 * unchecked: the verdict is review (stored, not shown) and no trace id comes.
 * Each function's config.json grants these APIs (scripts/build-functions.ts).
 */
export class WechatContentSecurity implements ContentSecurity {
  constructor(private readonly app: Pick<CloudBase, 'callWxOpenApi' | 'getTempFileURL'>) {}

  async checkText(check: TextCheck): Promise<ContentVerdict> {
    if (!check.openid) return 'review';
    const answer = await this.call('security.msgSecCheck', {
      version: 2,
      scene: SCENE[check.scene],
      openid: check.openid,
      content: check.text.slice(0, MAX_CONTENT),
    });
    const suggest = answer?.result?.result?.suggest;
    if (suggest === 'pass') return 'pass';
    if (suggest === 'risky') return 'reject';
    return 'review';
  }

  async checkImage(check: ImageCheck): Promise<ImageVerdict> {
    if (!check.openid) return { verdict: 'review' };
    const url = await this.fetchableUrl(check.url);
    if (!url) return { verdict: 'review' };
    const answer = await this.call('security.mediaCheckAsync', { media_url: url, media_type: 2, version: 2, scene: SCENE[check.scene], openid: check.openid });
    // The wire name is trace_id; wx-server-sdk's camel-cased answers say traceId.
    const traceId = answer?.result?.trace_id ?? answer?.result?.traceId;
    return traceId ? { verdict: 'review', traceId } : { verdict: 'review' };
  }

  /** An https URL WeChat can download: a cloud storage file id becomes a temporary URL valid for an hour. */
  private async fetchableUrl(url: string): Promise<string | null> {
    if (!url.startsWith('cloud://')) return url;
    try {
      const answer = await this.app.getTempFileURL({ fileList: [{ fileID: url, maxAge: 3600 }] });
      return answer.fileList[0]?.tempFileURL || null;
    } catch (error) {
      console.warn('[content-security] getTempFileURL failed', error);
      return null;
    }
  }

  private async call(apiName: string, requestData: Record<string, unknown>): Promise<OpenApiAnswer | null> {
    try {
      const answer = (await this.app.callWxOpenApi({ apiName, requestData })) as OpenApiAnswer;
      if (answer.code || answer.result?.errcode) {
        console.warn(`[content-security] ${apiName}: ${answer.code ?? answer.result?.errcode} ${answer.message ?? answer.result?.errmsg ?? ''}`);
        return null;
      }
      return answer;
    } catch (error) {
      console.warn(`[content-security] ${apiName} failed`, error);
      return null;
    }
  }
}
