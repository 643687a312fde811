/**
 * The only door to the backend. Pages and hooks import from here; nothing else calls
 * `Taro.cloud.callFunction` or `Taro.request`.
 */
export { call, onRefusal, type CallInput, type CallOutput, type CallResult } from './call';
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
export { askFilingSubscription, clearLocalDraft, readLocalDraft, saveFile, writeLocalDraft, type LocalDraft } from './filing';
export {
  appealEvaluation,
  aspectTags,
  collectiveCases,
  collectiveEvaluations,
  complaintChannel,
  decideAppeal,
  escalatedCases,
  evaluate,
  evaluationForm,
  listAppeals,
  myEvaluations,
  ownPublicPage,
  publicComments,
  publicPage,
  rateHandling,
  replyToCase,
  setAspectTags,
  setComplaintChannel,
  updatePublicPage,
} from './evaluation';
