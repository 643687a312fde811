import { action } from './call';

/** 创建工作 services: the campaigns and their quota table. */
export const listCampaigns = action('campaign', 'listCampaigns');
export const createCampaign = action('campaign', 'createCampaign');
export const updateCampaign = action('campaign', 'updateCampaign');
export const importQuotas = action('campaign', 'importQuotas');
export const listQuotas = action('campaign', 'listQuotas');
