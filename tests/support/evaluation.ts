import type { Caller } from '../../cloudfunctions/app/context';
import type { seedHierarchy, TestApp } from './harness';
import { seedFiling, submitComplete } from './filing';
import { eventFields, firstCampaignId } from './openweek';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

/** What a member of the public writes in a complaint (投诉) about a collective. */
export const COMPLAINT_TEXT = '窗口工作人员在办理业务时态度冷淡，多次询问均不予理睬。';

/** A mini-program visitor: the OPENID WeChat puts in the function's context. */
export const wechatVisitor = (n: number): Caller => ({ openid: `o-evaluator-${n}`, ip: `10.0.0.${n}` });

/**
 * The 公交一路 collective publishes an event, `visitor` signs up, and at the event (71 hours later, inside
 * the check-in window) the collective checks them in. Answers the signup, the event and the collective's
 * fresh session (the first one expired meanwhile).
 */
export async function checkedInSignup(app: TestApp, h: Hierarchy, visitor: Caller): Promise<{ signupId: string; eventId: string; collective: Caller }> {
  const campaignId = await firstCampaignId(app);
  const draft = await app.ok('openweek', 'createEvent', eventFields(app.clock.getTime(), campaignId, { capacity: 20 }), h.collective.caller);
  const event = (await app.ok('openweek', 'publishEvent', { eventId: draft.event.id }, h.collective.caller)).event;
  const { signup } = await app.ok('openweek', 'signUp', { eventId: event.id, name: '张三', phone: '13812345678', privacyAccepted: true }, visitor);
  app.advance(71 * 60);
  const collective = { token: (await app.ok('account', 'signIn', { code: h.collective.code, password: h.collective.password })).token };
  await app.ok('openweek', 'checkIn', { eventId: event.id, code: signup.checkInCode! }, collective);
  return { signupId: signup.id, eventId: event.id, collective };
}

/** The filing world with the 公交一路 collective's filing submitted, and the public code of its 三亮 page. */
export async function filedCollectivePage(app: TestApp): Promise<{ w: Awaited<ReturnType<typeof seedFiling>>; code: string }> {
  const w = await seedFiling(app);
  await submitComplete(app, w.campaignId, w.collective.caller);
  return { w, code: (await app.ok('evaluation', 'publicPage', { collectiveId: w.collective.accountId })).collective.code };
}
