import { action, type CallResult } from './call';
import { visitorAction } from './visitor-call';
import { choosePhotos } from './photos';
import { requestSubscriptions } from './subscriptions';

/**
 * 社会评价 and the 三亮 page, one function per action of `evaluation`. Evaluating, its form and "my
 * evaluations" go as the public visitor (OPENID in WeChat, the visitor token in H5); the collective's and
 * admins' actions as their account.
 */

/** The 三亮 page, by its public code or by the collective id an event carries. */
export const publicPage = action('evaluation', 'publicPage');
/** More public comments after the page's first ones. */
export const publicComments = action('evaluation', 'comments');
/** More public creation-log entries after the page's first ones. */
export const publicEntries = action('evaluation', 'publicEntries');
/** The form for 一次一评 of a checked-in signup, or 综合点评 of a collective by its public code. */
export const evaluationForm = visitorAction('evaluation', 'evaluationForm');
export const evaluate = visitorAction('evaluation', 'evaluate');
/** One photo for the visitor's evaluation (JPEG or PNG): answers the address `evaluate` takes. */
export const uploadEvaluationPhoto = visitorAction('evaluation', 'uploadPhoto');

/** Chooses up to `room` photos with the shared picker and uploads them one by one; answers each upload's result (empty when cancelled). */
export async function uploadEvaluationPhotos(room: number): Promise<Array<CallResult<'evaluation', 'uploadPhoto'>>> {
  const results: Array<CallResult<'evaluation', 'uploadPhoto'>> = [];
  for (const photo of await choosePhotos(room)) results.push(await uploadEvaluationPhoto(photo));
  return results;
}
export const myEvaluations = visitorAction('evaluation', 'myEvaluations');
/** The evaluator's one rating of how the collective handled their 差评. */
export const rateHandling = visitorAction('evaluation', 'rateHandling');

export const collectiveEvaluations = action('evaluation', 'collectiveEvaluations');
export const ownPublicPage = action('evaluation', 'ownPublicPage');
export const collectiveCases = action('evaluation', 'collectiveCases');
export const replyToCase = action('evaluation', 'replyToCase');
export const updatePublicPage = action('evaluation', 'updatePublicPage');
/** What the QR poster shows: the collective's own, or (admins) the one a public code names. */
export const posterOf = action('evaluation', 'posterOf');

export const escalatedCases = action('evaluation', 'escalatedCases');
export const appealEvaluation = action('evaluation', 'appeal');
export const listAppeals = action('evaluation', 'appeals');
export const decideAppeal = action('evaluation', 'decideAppeal');
export const complaintChannel = action('evaluation', 'complaintChannel');
export const setComplaintChannel = action('evaluation', 'setComplaintChannel');
export const aspectTags = action('evaluation', 'aspectTags');
export const setAspectTags = action('evaluation', 'setAspectTags');

/** 投诉: the public files one and reads the responses; the managing units' admins verify and respond. */
export const complain = visitorAction('evaluation', 'complain');
export const myComplaints = visitorAction('evaluation', 'myComplaints');
export const unitComplaints = action('evaluation', 'unitComplaints');
export const respondToComplaint = action('evaluation', 'respondToComplaint');
export const recordRectification = action('evaluation', 'recordRectification');
export const followUpPeriod = action('evaluation', 'followUpPeriod');
export const setFollowUpPeriod = action('evaluation', 'setFollowUpPeriod');

/**
 * Asked in a tap on the admins' 差评 and complaint queues: the one template the topics `evaluationEscalated`,
 * `complaintFiled`, `complaintOverdue` and `complaintEscalated` share in WX_SUBSCRIBE_TEMPLATES (build-time id).
 */
export const askEscalationSubscription = (): Promise<void> => requestSubscriptions([EVALUATION_ESCALATION_TEMPLATE]);
/** The managing unit's review queue: held evaluations and comments under review. */
export const evaluationReviews = action('evaluation', 'evaluationReviews');
export const decideEvaluationReview = action('evaluation', 'decideEvaluationReview');
/** The collective's upheld complaints with a 整改要求, its report of the rectification, and the unit's review of it. */
export const collectiveComplaints = action('evaluation', 'collectiveComplaints');
export const rectifyComplaint = action('evaluation', 'rectifyComplaint');
export const reviewComplaintRectification = action('evaluation', 'reviewComplaintRectification');
/** 社会评价统计 (admins): per unit subtree, with the 12-month trend; and its table as xlsx. */
export const unitStatistics = action('evaluation', 'unitStatistics');
export const exportUnitStatistics = action('evaluation', 'exportUnitStatistics');
