/** A collective's filing for a campaign: one per campaign and collective. */
export const filingId = (campaignId: string, collectiveId: string) => `${campaignId}:${collectiveId}`;
