import type { CloudBase } from '@cloudbase/node-sdk';
import type { RiskControl, RiskRank, RiskSubject } from '../../app/ports/risk-control';

interface RiskAnswer {
  code?: string;
  message?: string;
  result?: { errcode?: number; errmsg?: string; risk_rank?: number };
}

/**
 * WeChat's user risk rank through CloudBase's 云调用: `riskControl.getUserRiskRank` with the AppID, the
 * rater's OPENID, the 营销作弊 scene (1: abuse of a public action) and the client address. A refusal or
 * an unreachable platform counts as no evidence (0): an evaluation is then counted as usual.
 */
export class WechatRiskControl implements RiskControl {
  constructor(private readonly app: Pick<CloudBase, 'callWxOpenApi'>) {}

  async rankOf(subject: RiskSubject): Promise<RiskRank> {
    try {
      const answer = (await this.app.callWxOpenApi({
        apiName: 'riskControl.getUserRiskRank',
        requestData: { appid: subject.appid, openid: subject.openid, scene: 1, ...(subject.ip ? { client_ip: subject.ip } : {}) },
      })) as RiskAnswer;
      const rank = answer.result?.risk_rank;
      if (answer.code || answer.result?.errcode || typeof rank !== 'number') {
        console.warn(`[risk-control] no rank: ${answer.code ?? answer.result?.errcode ?? ''} ${answer.message ?? answer.result?.errmsg ?? ''}`);
        return 0;
      }
      return Math.max(0, Math.min(4, Math.round(rank))) as RiskRank;
    } catch (error) {
      console.warn('[risk-control] getUserRiskRank failed', error);
      return 0;
    }
  }
}
