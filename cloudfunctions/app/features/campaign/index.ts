import type { FunctionHandlers } from '../../router';
import { createCampaign } from './create-campaign';
import { importQuotas } from './import-quotas';
import { listCampaigns } from './list-campaigns';
import { listQuotas } from './list-quotas';
import { updateCampaign } from './update-campaign';

export const campaignHandlers: FunctionHandlers<'campaign'> = { listCampaigns, createCampaign, updateCampaign, importQuotas, listQuotas };
