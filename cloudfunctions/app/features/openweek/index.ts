import type { FunctionHandlers } from '../../router';
import { adminListEvents } from './admin-list-events';
import { cancelEvent } from './cancel-event';
import { cancelSignup } from './cancel-signup';
import { checkIn } from './check-in';
import { collectivePage } from './collective-page';
import { createEvent } from './create-event';
import { exportAttendees } from './export-attendees';
import { filters } from './filters';
import { getEvent } from './get-event';
import { getManagedEvent } from './get-managed-event';
import { hideEvent } from './hide-event';
import { listEvents } from './list-events';
import { listSignups } from './list-signups';
import { myEvents } from './my-events';
import { mySignups } from './my-signups';
import { publishEvent } from './publish-event';
import { recordSummary } from './record-summary';
import { reviewSignup } from './review-signup';
import { signUp } from './sign-up';
import { startVisit } from './start-visit';
import { stats } from './stats';
import { updateEvent } from './update-event';
import { uploadCover } from './upload-cover';
import { uploadPhoto } from './upload-photo';

export const openweekHandlers: FunctionHandlers<'openweek'> = {
  startVisit,
  filters,
  listEvents,
  getEvent,
  collectivePage,
  signUp,
  cancelSignup,
  mySignups,
  createEvent,
  updateEvent,
  publishEvent,
  cancelEvent,
  myEvents,
  getManagedEvent,
  listSignups,
  reviewSignup,
  checkIn,
  exportAttendees,
  uploadPhoto,
  uploadCover,
  recordSummary,
  adminListEvents,
  hideEvent,
  stats,
};
