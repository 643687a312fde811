import type { ErrorSpec } from './spec';

/** Error codes of open-week events and signups (issue #4). */
export const OPENWEEK_ERRORS = {
  /** A visitor action without a visitor identity (no OPENID, no valid visitor token): call openweek.startVisit. */
  VISITOR_REQUIRED: { status: 401, message: '请刷新页面后重试（访客身份无效）' },
  /** The event is not published, hidden, or not found for the public. */
  EVENT_NOT_FOUND: { status: 404, message: '未找到该活动，可能已下线' },
  /** Signups are not open yet. */
  SIGNUP_NOT_OPEN: { status: 409, message: '报名尚未开始' },
  /** The signup window has closed or the event no longer takes signups. */
  SIGNUP_CLOSED: { status: 409, message: '报名已截止' },
  /** The privacy notice was not accepted. */
  PRIVACY_NOT_ACCEPTED: { status: 400, message: '请阅读并同意个人信息收集说明' },
  /** The event requires an answer to its extra question. */
  ANSWER_REQUIRED: { status: 400, message: '请回答活动的报名问题' },
  /** The collective rejected this person's signup; they cannot sign up again. */
  SIGNUP_REJECTED: { status: 409, message: '您的报名未通过审核，不能再次报名' },
  /** Cancelling is allowed only until N hours before the start. */
  CANCEL_TOO_LATE: { status: 409, message: '已过取消截止时间，不能取消报名' },
  /** The signup is not active (already cancelled or rejected). */
  SIGNUP_NOT_ACTIVE: { status: 409, message: '该报名已取消或未通过' },
  /** A published event's capacity cannot drop below the seats already taken. */
  CAPACITY_BELOW_TAKEN: { status: 409, message: '名额不能少于已报名人数' },
  /** Times do not make sense together (end before start, signup closing after the start…). */
  EVENT_TIMES_INVALID: { status: 400, message: '活动时间设置有误' },
  /** No signup has this check-in code for this event. */
  CHECKIN_CODE_UNKNOWN: { status: 404, message: '签到码无效，或不属于本活动' },
  /** This code was already used. */
  ALREADY_CHECKED_IN: { status: 409, message: '该签到码已签到' },
  /** Only confirmed signups check in. */
  CHECKIN_NOT_CONFIRMED: { status: 409, message: '该报名尚未确认，不能签到' },
  /** Check-in is possible from one hour before the start through the end. */
  CHECKIN_WINDOW_CLOSED: { status: 409, message: '不在签到时间内（活动开始前1小时至活动结束）' },
  /** The summary can be recorded only after the event ended. */
  EVENT_NOT_ENDED: { status: 409, message: '活动结束后才能记录总结' },
  /** The uploaded bytes are not the JPEG or PNG image they claim to be. */
  PHOTO_INVALID: { status: 400, message: '照片：请上传 JPEG 或 PNG 图片' },
  /** An event's cover must be an image this collective uploaded (openweek.uploadCover), not any address. */
  COVER_NOT_UPLOADED: { status: 400, message: '封面图片：请通过“选择图片”上传封面' },
  /** No file storage is configured where this function runs. */
  FILES_UNAVAILABLE: { status: 500, message: '暂时无法上传图片，请稍后重试' },
} as const satisfies Record<string, ErrorSpec>;
