import { action } from './call';

/** 审核 services: the review queue, decisions, and the collective's lifecycle (rename, transfer, restructure, revocation). */
export const listQueue = action('review', 'listQueue');
export const getFiling = action('review', 'getFiling');
export const decideFiling = action('review', 'decide');
export const recordOfficeOpinion = action('review', 'recordOfficeOpinion');
export const renameCollective = action('review', 'renameCollective');
export const transferCollective = action('review', 'transferCollective');
export const requestTransfer = action('review', 'requestTransfer');
export const decideTransfer = action('review', 'decideTransfer');
export const listTransferRequests = action('review', 'listTransferRequests');
export const issueTransferPassword = action('review', 'issueTransferPassword');
export const restructureCollective = action('review', 'restructureCollective');
export const requestRevocation = action('review', 'requestRevocation');
export const decideRevocation = action('review', 'decideRevocation');
export const listRevocations = action('review', 'listRevocations');
export const exportStatistics = action('review', 'exportStatistics');
