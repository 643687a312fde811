import type { ErrorSpec } from './spec';

/** Error codes of public evaluation and the 三亮 page (issue #12). */
export const EVALUATION_ERRORS = {
  /** The comment failed content security: refused, nothing stored; the form keeps the text to change it. */
  CONTENT_REJECTED: { status: 400, message: '评价内容含有不宜公开的信息，请修改后再提交' },
  /** A per-service evaluation needs the visitor's own signup, checked in at the event. */
  NOT_CHECKED_IN: { status: 409, message: '签到后才能评价本次活动' },
  /** This signup was evaluated already: one evaluation per service. */
  ALREADY_EVALUATED: { status: 409, message: '本次活动已评价过，每次服务只能评价一次' },
  /** The collective no longer takes evaluations (closed after a restructure). */
  EVALUATION_CLOSED: { status: 409, message: '该集体已停止接受评价' },
  /** A photo on an evaluation must be one this visitor uploaded with uploadPhoto. */
  PHOTO_NOT_UPLOADED: { status: 400, message: '照片：请通过“添加照片”上传' },
} as const satisfies Record<string, ErrorSpec>;
