/**
 * The only door to the backend. Pages and hooks import from here; nothing else calls
 * `Taro.cloud.callFunction` or `Taro.request`.
 */
export { onRefusal, type CallInput, type CallOutput, type CallResult } from './call';
export { initTransport, NETWORK_FAULT } from './transport';
export {
  changePassword,
  getSession,
  refreshSession,
  setRecoveryEmail,
  signIn,
  signOut,
  subscribeSession,
  type SessionState,
} from './session';
export {
  addSummaryPhoto,
  adminListEvents,
  cancelEvent,
  cancelMySignup,
  checkInAttendee,
  collectivePage,
  createEvent,
  exportAttendees,
  getEvent,
  getManagedEvent,
  hideEvent,
  listEvents,
  listSignups,
  myEvents,
  mySignups,
  openweekFilters,
  openweekStats,
  publishEvent,
  recordSummary,
  reviewSignup,
  scanCheckInCode,
  signUpForEvent,
  updateEvent,
  uploadCover,
} from './openweek';
export {
  askFilingSubscription,
  clearLocalDraft,
  getMyFiling,
  readLocalDraft,
  saveFilingDraft,
  submitFiling,
  writeLocalDraft,
  type LocalDraft,
} from './filing';
export { pickFile, saveFile, XLSX } from './files';
export { requestCodeReminder, requestPasswordReset, resetPasswordByLink } from './account';
export {
  cancelAccount,
  createAccount,
  createUnit,
  getAccount,
  listAccounts,
  listAudit,
  listUnits,
  lockAccount,
  resetAccountPassword,
  unbindWechat,
  unlockAccount,
} from './admin';
export { createCampaign, importQuotas, listCampaigns, listQuotas, updateCampaign } from './campaign';
export {
  decideFiling,
  decideRevocation,
  decideTransfer,
  exportStatistics,
  getFiling,
  issueTransferPassword,
  listQueue,
  listRevocations,
  listTransferRequests,
  recordOfficeOpinion,
  renameCollective,
  requestRevocation,
  requestTransfer,
  restructureCollective,
  transferCollective,
} from './review';
export {
  addGuidance,
  addEntryVideo,
  approveVideo,
  askGuidanceSubscription,
  clearEntryCopy,
  creationLogFeed,
  creationLogOverview,
  creationLogStats,
  discardEntryDraft,
  entryDraftFromEvent,
  getMyEntry,
  listMyEntries,
  readEntry,
  readEntryCopy,
  saveEntryDraft,
  silentCollectives,
  submitEntry,
  uploadEntryImages,
  writeEntryCopy,
} from './creationlog';
export { addLedgerAttachment, exportQuotaDashboard, listLedger, openLedgerAttachment, quotaDashboard, recordLedgerEntry, removeLedgerEntry } from './management';
