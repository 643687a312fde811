import type { CloudBase } from '@cloudbase/node-sdk';
import type { ContentScene, ContentSecurity, ContentVerdict, ImageCheck, TextCheck } from '../../app/ports/content-security';

/** WeChat's scene numbers for 内容安全: 1 资料, 2 评论. */
const SCENE: Record<ContentScene, number> = { profile: 1, comment: 2 };

/** msgSecCheck v2 takes at most 2,500 characters. */
const MAX_CONTENT = 2500;

interface OpenApiAnswer {
  code?: string;
  message?: string;
  result?: { errcode?: number; errmsg?: string; result?: { suggest?: string; label?: number }; trace_id?: string };
}

/**
 * WeChat 内容安全 through CloudBase's 云调用 (`callWxOpenApi`): text by `security.msgSecCheck` version 2
 * with the writer's OPENID and scene, whose `suggest` is pass / review / risky; images by
 * `security.mediaCheckAsync`, whose verdict arrives later (until then: review). Without an OPENID, or when
 * WeChat cannot answer, nothing is shown unchecked: the verdict is review (stored, not shown).
 * Each function's config.json grants these APIs (scripts/build-functions.ts).
 */
export class WechatContentSecurity implements ContentSecurity {
  constructor(private readonly app: Pick<CloudBase, 'callWxOpenApi'>) {}

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

  async checkImage(check: ImageCheck): Promise<ContentVerdict> {
    if (check.openid) {
      await this.call('security.mediaCheckAsync', { media_url: check.url, media_type: 2, version: 2, scene: SCENE[check.scene], openid: check.openid });
    }
    return 'review';
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
