import type { ErrorSpec } from './spec';

/** Error codes of the creation log (issue #13). */
export const CREATIONLOG_ERRORS = {
  /** A submitted entry is the log's record: it is not edited (a correction is a new entry that references it). */
  ENTRY_SUBMITTED: { status: 409, message: '该动态已提交创建日志，不能修改；如需更正，请新建一条更正动态' },
  /** An entry's image is not one this collective uploaded for its creation log (nor a photo of the linked event). */
  IMAGE_NOT_UPLOADED: { status: 400, message: '图片：请通过“添加图片”上传' },
  /** An entry's video was not checked in through 添加视频 by this collective (or is another collective's file). */
  VIDEO_NOT_UPLOADED: { status: 400, message: '视频：请通过“添加视频”上传' },
  /** A video that is not an MP4 file of at most 60 seconds and 50 MB (by its bytes); the message names the rule. */
  VIDEO_INVALID: { status: 400, message: '视频：请上传60秒以内、50MB以内的 MP4 视频' },
  /** Only a submitted entry (the log's record) can be made public; a draft is the collective's workspace. */
  ENTRY_NOT_SUBMITTED: { status: 409, message: '草稿不能公开，请先提交创建日志' },
  /** The entry's title, text or an image failed content security: it is not made public. */
  ENTRY_CONTENT_REJECTED: { status: 400, message: '该创建日志含有不宜公开的信息（内容安全检查未通过），不能公开' },
  /** A category some entry of the campaign has cannot be removed from its list or renamed, only hidden from new entries. */
  CATEGORY_IN_USE: { status: 409, message: '该类别已有动态使用，不能删除或改名，只能隐藏' },
  /** The collective has no campaign to log its work under. */
  NO_CAMPAIGN: { status: 409, message: '当前没有进行中的创建活动' },
} as const satisfies Record<string, ErrorSpec>;
