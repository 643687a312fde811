import Taro from '@tarojs/taro';
import { call, type CallInput, type CallResult } from './call';
import { asVisitor } from './visitor-call';

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

/**
 * The attendee list as an xlsx file: H5 downloads it; the mini-program writes it to the user's files
 * and opens it (WeChat shows xlsx, and can forward it from there).
 */
export async function exportAttendees(eventId: string): Promise<CallResult<'openweek', 'exportAttendees'>> {
  const result = await call('openweek', 'exportAttendees', { eventId });
  if (!result.ok) return result;
  const { filename, base64 } = result.data;
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a');
    link.href = `data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,${base64}`;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
  } else {
    const path = `${Taro.env.USER_DATA_PATH}/${filename}`;
    Taro.getFileSystemManager().writeFileSync(path, base64, 'base64');
    await Taro.openDocument({ filePath: path, fileType: 'xlsx', showMenu: true });
  }
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

/** Picks one photo from the album or camera and reads it as base64; null when cancelled. */
async function choosePhoto(): Promise<{ contentType: 'image/jpeg' | 'image/png'; base64: string } | null> {
  let path: string;
  try {
    const chosen = await Taro.chooseImage({ count: 1, sizeType: ['compressed'] });
    path = chosen.tempFilePaths[0];
  } catch {
    return null;
  }
  if (!path) return null;
  if (process.env.TARO_ENV === 'weapp') {
    const base64 = Taro.getFileSystemManager().readFileSync(path, 'base64') as string;
    return { contentType: /\.png$/i.test(path) ? 'image/png' : 'image/jpeg', base64 };
  }
  const blob = await (await fetch(path)).blob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { contentType: blob.type === 'image/png' ? 'image/png' : 'image/jpeg', base64: btoa(binary) };
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
