import Taro from '@tarojs/taro';
import { call, type CallInput, type CallResult } from './call';
import { saveFile, XLSX } from './files';
import { asVisitor } from './visitor-call';
import { choosePhoto } from './photos';

/** 开放周 services; the public's calls go as a visitor (visitor-call.ts). */
export const openweekFilters = () => call('openweek', 'filters', {});
export const listEvents = (input: CallInput<'openweek', 'listEvents'>) => call('openweek', 'listEvents', input);
export const getEvent = (eventId: string) => asVisitor('openweek', 'getEvent', { eventId });
/** A collective's public page; `cursor` continues its list of events. */
export const collectivePage = (collectiveId: string, cursor?: string) => call('openweek', 'collectivePage', { collectiveId, cursor });
export const signUpForEvent = (input: CallInput<'openweek', 'signUp'>) => asVisitor('openweek', 'signUp', input);
export const cancelMySignup = (eventId: string) => asVisitor('openweek', 'cancelSignup', { eventId });
export const mySignups = (input: CallInput<'openweek', 'mySignups'>) => asVisitor('openweek', 'mySignups', input);

export const createEvent = (input: CallInput<'openweek', 'createEvent'>) => call('openweek', 'createEvent', input);
export const updateEvent = (input: CallInput<'openweek', 'updateEvent'>) => call('openweek', 'updateEvent', input);
export const publishEvent = (eventId: string) => call('openweek', 'publishEvent', { eventId });
export const cancelEvent = (eventId: string, reason: string) => call('openweek', 'cancelEvent', { eventId, reason });
export const myEvents = (input: CallInput<'openweek', 'myEvents'>) => call('openweek', 'myEvents', input);
export const getManagedEvent = (eventId: string) => call('openweek', 'getManagedEvent', { eventId });
export const listSignups = (input: CallInput<'openweek', 'listSignups'>) => call('openweek', 'listSignups', input);
export const reviewSignup = (signupId: string, approve: boolean) => call('openweek', 'reviewSignup', { signupId, approve });
/** Checks an attendee in by the code they show, or by their signup picked from the collective's list. */
export const checkInAttendee = (eventId: string, who: { code: string } | { signupId: string }) => call('openweek', 'checkIn', { eventId, ...who });
export const recordSummary = (input: CallInput<'openweek', 'recordSummary'>) => call('openweek', 'recordSummary', input);
export const adminListEvents = (input: CallInput<'openweek', 'adminListEvents'>) => call('openweek', 'adminListEvents', input);
export const hideEvent = (eventId: string, reason: string) => call('openweek', 'hideEvent', { eventId, reason });
export const openweekStats = (unitId?: string) => call('openweek', 'stats', unitId ? { unitId } : {});

/** The attendee list as an xlsx file, offered as a download (H5) or opened in WeChat's document viewer. */
export async function exportAttendees(eventId: string): Promise<CallResult<'openweek', 'exportAttendees'>> {
  const result = await call('openweek', 'exportAttendees', { eventId });
  if (result.ok) await saveFile(result.data.filename, result.data.base64, XLSX);
  return result;
}

/** Scans an attendee's check-in QR with the camera (mini-program only); null when cancelled. */
export async function scanCheckInCode(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
    return res.result || null;
  } catch {
    return null;
  }
}

/** Chooses a photo and uploads it for the event's summary; null when the user cancelled the choice. */
export async function addSummaryPhoto(eventId: string): Promise<CallResult<'openweek', 'uploadPhoto'> | null> {
  const photo = await choosePhoto();
  if (!photo) return null;
  return call('openweek', 'uploadPhoto', { eventId, ...photo });
}

/** Chooses an image and uploads it as an event cover (saved with the event); null when the user cancelled the choice. */
export async function uploadCover(): Promise<CallResult<'openweek', 'uploadCover'> | null> {
  const photo = await choosePhoto();
  if (!photo) return null;
  return call('openweek', 'uploadCover', photo);
}
