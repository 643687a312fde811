import { action, type CallResult } from './call';
import { choosePhotos } from './photos';
import { readVisitorToken } from './visitor';
import { visitorAction } from './visitor-call';

/**
 * 监督查评: admins appoint supervisors and decide their reports as their account; a supervisor redeems an
 * invitation, files reports and reads them as the public visitor (OPENID in WeChat, the visitor token in H5).
 */
export const appointSupervisor = action('evaluation', 'appointSupervisor');
export const unitSupervisors = action('evaluation', 'unitSupervisors');
export const revokeSupervisor = action('evaluation', 'revokeSupervisor');
export const unitReports = action('evaluation', 'unitReports');
export const forwardReport = action('evaluation', 'forwardReport');
export const declineReport = action('evaluation', 'declineReport');

export const redeemInvitation = visitorAction('evaluation', 'redeemInvitation');
export const mySupervision = visitorAction('evaluation', 'mySupervision');
export const fileReport = visitorAction('evaluation', 'fileReport');
export const myReports = visitorAction('evaluation', 'myReports');
const uploadReportPhoto = visitorAction('evaluation', 'uploadReportPhoto');

/**
 * Whether the viewer already has a visitor identity that could be a supervisor's: always in WeChat; in a
 * browser only once a visitor token is kept (a supervisor got one redeeming). The 三亮 page asks about
 * supervision only then, so merely reading a page never starts a visit.
 */
export const mayBeSupervisor = (): boolean => process.env.TARO_ENV === 'weapp' || !!readVisitorToken();

/** Chooses up to `room` photos and uploads them one by one for a report; each upload's result in order (empty when cancelled). */
export async function uploadReportPhotos(supervisorId: string, room: number): Promise<Array<CallResult<'evaluation', 'uploadReportPhoto'>>> {
  const results: Array<CallResult<'evaluation', 'uploadReportPhoto'>> = [];
  for (const photo of await choosePhotos(room)) results.push(await uploadReportPhoto({ supervisorId, ...photo }));
  return results;
}
