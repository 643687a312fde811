import { FILING_ERRORS } from './filing';
import { OPENWEEK_ERRORS } from './openweek';
import { CREATIONLOG_ERRORS } from './creationlog';
import { MANAGEMENT_ERRORS } from './management';
import { EVALUATION_ERRORS } from './evaluation';
import type { ErrorSpec } from './spec';

/**
 * The one error vocabulary of the product: the core codes here, each feature's in its own file. Codes are strings because errors cross process
 * boundaries (callFunction, HTTP) as data, where `instanceof` means nothing.
 * Each code carries the HTTP status the local host answers with and the Chinese message users read.
 */
export const ERRORS = {
  /** Input failed its zod schema; `fields` names each invalid field. */
  INVALID_INPUT: { status: 400, message: '填写内容有误，请按提示修改' },
  /** The action name is not part of the function's contract. */
  UNKNOWN_ACTION: { status: 400, message: '不支持的操作' },
  /** The new password equals the current one. */
  PASSWORD_UNCHANGED: { status: 400, message: '新密码不能与当前密码相同' },
  /** A password-reset link was unknown, used, or older than 30 minutes. */
  RESET_TOKEN_INVALID: { status: 400, message: '重置链接无效或已过期，请重新申请' },
  /** No valid session or WeChat binding: the caller must sign in. */
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  /** The session token expired or was signed out. */
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  /** Code and password do not match an active account. */
  WRONG_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  /** The old password given to change-password is wrong. */
  WRONG_PASSWORD: { status: 400, message: '当前密码不正确' },
  /** The caller's role may not run this action. */
  FORBIDDEN: { status: 403, message: '当前身份无权执行此操作' },
  /** The target lies outside the caller's unit and its subtree. */
  NOT_IN_SCOPE: { status: 403, message: '该对象不在您的管理范围内' },
  /** The account must replace its one-time password before doing anything else. */
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录请先修改初始密码' },
  /** The account was cancelled (注销): it can no longer sign in. */
  ACCOUNT_CANCELLED: { status: 403, message: '该用户名已注销，无法登录' },
  /** The account was locked by an admin. */
  ACCOUNT_DISABLED: { status: 403, message: '该帐号已被管理员锁定，请联系管理员' },
  /** The object does not exist (or the caller may not know it exists). */
  NOT_FOUND: { status: 404, message: '未找到该对象' },
  /** The unit already has a child of that name. */
  UNIT_NAME_TAKEN: { status: 409, message: '同一上级单位下已有同名单位' },
  /** A unit below level 3 was requested: the hierarchy has three admin levels. */
  UNIT_TOO_DEEP: { status: 409, message: '管理单位最多三级' },
  /** The operation does not apply to the object's current state. */
  INVALID_STATE: { status: 409, message: '当前状态下不能执行此操作' },
  /** The object changed since it was read; nothing was applied. */
  CONFLICT: { status: 409, message: '数据已被他人修改，请刷新后重试' },
  /** Too many wrong passwords for this code (from this address, or from many): sign-in is locked for a while. */
  TOO_MANY_ATTEMPTS: { status: 429, message: '密码错误次数过多，帐号已暂时锁定，请稍后再试' },
  /** A rate limit was reached (sign-in, recovery mail, visits, signups, uploads); `retryAfterSeconds` says when to try again. */
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后重试' },
  /** A fault on our side; details are logged, never sent. */
  INTERNAL: { status: 500, message: '系统繁忙，请稍后重试' },
  /** The local host is still opening its store: try again in a moment (Retry-After says when). */
  STARTING: { status: 503, message: '系统正在启动，请稍后重试' },
  /** The database lacks a unique index a write relies on (CloudBase not fully set up); the message names it. */
  UNIQUE_INDEX_MISSING: { status: 503, message: '数据库缺少唯一索引，此项操作暂停，请联系管理员' },
  /** The database did not answer in time (or dropped the connection): whether the change landed is unknown. */
  STORE_UNAVAILABLE: { status: 503, message: '数据库响应超时，本次操作可能未完成，请稍后刷新查看，需要时再试一次' },
  ...FILING_ERRORS,
  ...OPENWEEK_ERRORS,
  ...CREATIONLOG_ERRORS,
  ...MANAGEMENT_ERRORS,
  ...EVALUATION_ERRORS,
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;


/** Field path → Chinese message, as shown beside each form field. */
export type FieldErrors = Record<string, string>;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
  /** For refusals that pass (RATE_LIMITED, TOO_MANY_ATTEMPTS): seconds until a retry can succeed (HTTP Retry-After). */
  retryAfterSeconds?: number;
}

/** An expected refusal, thrown by use cases and turned into an error envelope by the router. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, message?: string, fields?: FieldErrors, retryAfterSeconds?: number) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}
