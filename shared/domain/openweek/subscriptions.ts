/**
 * Which one-time subscriptions the mini-program asks for in the tap that signs a visitor up.
 *
 * WeChat grants one message per template per tap, so everything a visitor may be told about this signup
 * is asked at once: `wx.requestSubscribeMessage` takes at most 3 template ids (newer clients accept more,
 * older ones refuse more than 3), and shows templates with the same title once, so ids are not repeated.
 */
export const MAX_TEMPLATES_PER_REQUEST = 3;

/** Build-time template ids (empty: not configured, never asked). */
export interface SignupTemplates {
  /** `eventReminder`: the day before. */
  reminder: string;
  /** `waitlistPromoted`: a seat came free for someone waiting. */
  promotion: string;
  /** 活动变更: `eventCancelled` and `signupReviewed` share it. */
  change: string;
}

export interface SignupSituation {
  /** No seat is free (or people already wait): the visitor joins the waitlist. */
  full: boolean;
  /** The collective approves each signup: the decision is a message. */
  requiresApproval: boolean;
}

/**
 * Most certain to be used first, then capped at the limit: the promotion when the visitor will wait
 * (without it a waiting visitor never hears of the seat); with approval, the change template (every
 * approval signup gets a decision); the reminder; without approval, the change template last (any event
 * may still be cancelled, so it is asked for even then).
 */
export function signupTemplateIds(situation: SignupSituation, templates: SignupTemplates): string[] {
  const wanted = situation.requiresApproval
    ? [situation.full ? templates.promotion : '', templates.change, templates.reminder]
    : [situation.full ? templates.promotion : '', templates.reminder, templates.change];
  const ids: string[] = [];
  for (const id of wanted.map((t) => t.trim())) if (id && !ids.includes(id)) ids.push(id);
  return ids.slice(0, MAX_TEMPLATES_PER_REQUEST);
}
