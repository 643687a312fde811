import { campaignHandlers } from '../app/features/campaign';
import { cloudbaseMain } from '../entries/cloudbase-main';

/** CloudBase function `campaign`: campaigns, their rules and quota tables (issue #3). */
export const main = cloudbaseMain('campaign', campaignHandlers);
