import type { FunctionHandlers } from '../../router';
import { appeal } from './appeal';
import { appeals } from './appeals';
import { decideAppeal } from './decide-appeal';
import { aspectTags } from './aspect-tags';
import { collectiveCases } from './collective-cases';
import { collectiveEvaluations } from './collective-evaluations';
import { comments } from './comments';
import { complain } from './complain';
import { complaintChannel } from './complaint-channel';
import { escalatedCases } from './escalated-cases';
import { evaluate } from './evaluate';
import { exportUnitStatistics } from './export-unit-statistics';
import { unitStatistics } from './unit-statistics';
import { uploadPhoto } from './upload-photo';
import { evaluationForm } from './evaluation-form';
import { myComplaints } from './my-complaints';
import { myEvaluations } from './my-evaluations';
import { ownPublicPage } from './own-public-page';
import { posterOf } from './poster-of';
import { publicEntries } from './public-entries';
import { publicPage } from './public-page';
import { rateHandling } from './rate-handling';
import { recordRectification } from './record-rectification';
import { replyToCase } from './reply-to-case';
import { respondToComplaint } from './respond-to-complaint';
import { setAspectTags } from './set-aspect-tags';
import { setComplaintChannel } from './set-complaint-channel';
import { unitComplaints } from './unit-complaints';
import { updatePublicPage } from './update-public-page';
import { followUpPeriod } from './follow-up-period';
import { setFollowUpPeriod } from './set-follow-up-period';
import { evaluationReviews } from './evaluation-reviews';
import { decideEvaluationReview } from './decide-evaluation-review';
import { collectiveComplaints } from './collective-complaints';
import { rectifyComplaint } from './rectify-complaint';
import { reviewComplaintRectification } from './review-complaint-rectification';
import { supervisionHandlers } from './supervision';

/** The `evaluation` function: the 三亮 page and public evaluation (issue #12). */
export const evaluationHandlers: FunctionHandlers<'evaluation'> = {
  publicPage,
  comments,
  publicEntries,
  evaluationForm,
  uploadPhoto,
  evaluate,
  myEvaluations,
  collectiveEvaluations,
  collectiveCases,
  replyToCase,
  rateHandling,
  escalatedCases,
  appeal,
  appeals,
  decideAppeal,
  ownPublicPage,
  updatePublicPage,
  posterOf,
  complaintChannel,
  setComplaintChannel,
  aspectTags,
  setAspectTags,
  complain,
  myComplaints,
  unitComplaints,
  respondToComplaint,
  recordRectification,
  followUpPeriod,
  setFollowUpPeriod,
  evaluationReviews,
  decideEvaluationReview,
  collectiveComplaints,
  rectifyComplaint,
  reviewComplaintRectification,
  ...supervisionHandlers,
  unitStatistics,
  exportUnitStatistics,
};
