import { call, type CallInput } from './call';
import { asVisitor } from './visitor-call';

/**
 * 社会评价 and the 三亮 page. Evaluating, its form and "my evaluations" go as the public visitor (OPENID
 * in WeChat, the visitor token in H5); the collective's and admins' actions as their account.
 */

/** The 三亮 page, by its public code or by the collective id an event carries. */
export const publicPage = (target: { code: string } | { collectiveId: string }) => call('evaluation', 'publicPage', target);
/** More public comments after the page's first ones. */
export const publicComments = (code: string, cursor?: string) => call('evaluation', 'comments', { code, cursor });
/** The form for 一次一评 of a checked-in signup, or 综合点评 of a collective by its public code. */
export const evaluationForm = (target: { code: string } | { signupId: string }) => asVisitor('evaluation', 'evaluationForm', target);
export const evaluate = (input: CallInput<'evaluation', 'evaluate'>) => asVisitor('evaluation', 'evaluate', input);
export const myEvaluations = (cursor?: string) => asVisitor('evaluation', 'myEvaluations', { cursor });
/** The evaluator's one rating of how the collective handled their 差评. */
export const rateHandling = (input: CallInput<'evaluation', 'rateHandling'>) => asVisitor('evaluation', 'rateHandling', input);

export const collectiveEvaluations = (cursor?: string) => call('evaluation', 'collectiveEvaluations', { cursor });
export const ownPublicPage = () => call('evaluation', 'ownPublicPage', {});
export const collectiveCases = (status: 'open' | 'answered', cursor?: string) => call('evaluation', 'collectiveCases', { status, cursor });
export const replyToCase = (input: CallInput<'evaluation', 'replyToCase'>) => call('evaluation', 'replyToCase', input);
export const updatePublicPage = (input: CallInput<'evaluation', 'updatePublicPage'>) => call('evaluation', 'updatePublicPage', input);

export const escalatedCases = (cursor?: string) => call('evaluation', 'escalatedCases', { cursor });
export const appealEvaluation = (input: CallInput<'evaluation', 'appeal'>) => call('evaluation', 'appeal', input);
export const listAppeals = (status: 'pending' | 'upheld' | 'rejected', cursor?: string) => call('evaluation', 'appeals', { status, cursor });
export const decideAppeal = (input: CallInput<'evaluation', 'decideAppeal'>) => call('evaluation', 'decideAppeal', input);
export const complaintChannel = (unitId: string) => call('evaluation', 'complaintChannel', { unitId });
export const setComplaintChannel = (input: CallInput<'evaluation', 'setComplaintChannel'>) => call('evaluation', 'setComplaintChannel', input);
export const aspectTags = (campaignId: string) => call('evaluation', 'aspectTags', { campaignId });
export const setAspectTags = (campaignId: string, tags: string[]) => call('evaluation', 'setAspectTags', { campaignId, tags });
