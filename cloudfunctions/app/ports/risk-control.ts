/**
 * How risky a rater looks to the platform. On CloudBase this is WeChat's user risk rank
 * (riskControl.getUserRiskRank, 0 = none … 4 = highest); on one machine there is no such signal: 0.
 */
export type RiskRank = 0 | 1 | 2 | 3 | 4;

export interface RiskSubject {
  openid: string;
  /** The mini-program's AppID, from the function's context. */
  appid?: string;
  ip?: string;
}

export interface RiskControl {
  /** Never throws: an answer the platform could not give is 0 (no evidence of risk). */
  rankOf(subject: RiskSubject): Promise<RiskRank>;
}

/** The local host's: nobody is risky. */
export const NO_RISK: RiskControl = { rankOf: async () => 0 };
