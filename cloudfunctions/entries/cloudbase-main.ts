import tcb, { type CloudBase } from '@cloudbase/node-sdk';
import { z } from 'zod';
import type { FunctionName } from '../../shared/contract';
import { failure, success } from '../../shared/envelope';
import { optionalVar, parseEnv } from '../config/env';
import { limitsEnv, limitsFromEnv } from '../config/limits';
import { CloudbaseStore } from '../adapters/cloudbase/cloudbase-store';
import { CloudbaseFiles } from '../adapters/files/cloudbase-files';
import { DevMailboxMailer } from '../adapters/mail/dev-mailbox-mailer';
import { DevMailboxNotifier } from '../adapters/mail/dev-mailbox-notifier';
import { SmtpMailer } from '../adapters/mail/smtp-mailer';
import { SubscribeMessageNotifier } from '../adapters/wechat/subscribe-message-notifier';
import type { Caller, Deps } from '../app/context';
import type { Job } from '../app/jobs';
import { StoreRateLimiter } from '../app/limits/store-rate-limiter';
import { dispatch, httpStatusOf, retryAfterHeader, type FunctionHandlers } from '../app/router';
import { PasswordHasher } from '../app/security/passwords';
import { SessionTokens } from '../app/security/session-tokens';

/** The functions' environment variables (set in cloudbaserc.json or the console); missing ones stop the cold start. */
const env = z.object({
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
  PUBLIC_URL: z.url(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).default(12),
  SCRYPT_COST: z.coerce.number().int().min(10).max(20).default(15),
  WECHAT_BINDING_MAX_AGE_DAYS: optionalVar(z.coerce.number().int().min(1).max(3650)).default(90),
  SMTP_URL: optionalVar(z.string().min(1)),
  MAIL_FROM: optionalVar(z.string().min(3)).default('青年文明号在线 <no-reply@localhost>'),
  /** Topic → subscribe-message template, as JSON (see SubscribeMessageNotifier). Unset: messages go to the devMailbox collection. */
  WX_SUBSCRIBE_TEMPLATES: optionalVar(
    z
      .string()
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'must be JSON' });
          return z.NEVER;
        }
      })
      .pipe(z.record(z.string(), z.object({ templateId: z.string().min(1), fields: z.record(z.string(), z.enum(['title', 'body', 'time'])) }))),
  ),
  WX_MINIPROGRAM_STATE: optionalVar(z.enum(['developer', 'trial', 'formal'])).default('formal'),
  ...limitsEnv,
});

/** The SDK bound to the environment the function runs in. */
const currentEnvironment = (): CloudBase => tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });

function composeCloudbase(connect: () => CloudBase): Deps {
  const c = parseEnv(env, process.env, 'cloud function environment variables');
  const app = connect();
  const store = new CloudbaseStore(app);
  const now = () => new Date();
  if (!c.SMTP_URL) console.warn('[config] SMTP_URL is not set: recovery mail is kept in the devMailbox collection only');
  return {
    store,
    mailer: c.SMTP_URL ? new SmtpMailer(c.SMTP_URL, c.MAIL_FROM) : new DevMailboxMailer(store, now),
    notifier: c.WX_SUBSCRIBE_TEMPLATES
      ? new SubscribeMessageNotifier(app, store, c.WX_SUBSCRIBE_TEMPLATES, now, c.WX_MINIPROGRAM_STATE)
      : new DevMailboxNotifier(store, now),
    passwords: new PasswordHasher(c.SCRYPT_COST),
    tokens: new SessionTokens(c.SESSION_SECRET),
    limiter: new StoreRateLimiter(store),
    now,
    config: { sessionTtlHours: c.SESSION_TTL_HOURS, publicUrl: c.PUBLIC_URL, wechatBindingMaxAgeDays: c.WECHAT_BINDING_MAX_AGE_DAYS, ...limitsFromEnv(c) },
    files: new CloudbaseFiles(app),
  };
}

/**
 * The HTTP access service's "集成请求" (https://docs.cloudbase.net/service/access-cloud-function):
 * `{ path, httpMethod, headers, queryStringParameters, requestContext: { requestId, envId, appId, uin }, body, isBase64Encoded }`,
 * body a string (base64 when isBase64Encoded).
 */
interface HttpEvent {
  path: string;
  httpMethod: string;
  headers: Record<string, string | undefined>;
  requestContext: Record<string, unknown>;
  body?: string;
  isBase64Encoded?: boolean | string;
}

type FunctionContext = Parameters<typeof tcb.getCloudbaseContext>[0];
type Trigger = { kind: 'wechat'; openid: string } | { kind: 'http'; event: HttpEvent } | { kind: 'call' };

/**
 * How this invocation arrived, decided by what the platform sets before the caller's data:
 * - a mini-program's callFunction: the context carries the user's WX_OPENID. The event is then the caller's
 *   own data, so however it is shaped (even like an HTTP request) it stays a WeChat call with that identity;
 * - the HTTP access service: no WeChat user in the context, and the event is the platform's 集成请求, with
 *   the request context it adds;
 * - anything else (the server SDK, the console's test run): a callFunction with no caller.
 */
export function triggerOf(event: unknown, context: FunctionContext): Trigger {
  const openid = tcb.getCloudbaseContext(context).WX_OPENID;
  if (openid) return { kind: 'wechat', openid };
  const e = event as Partial<HttpEvent> | null;
  const isObject = (v: unknown) => typeof v === 'object' && v !== null;
  if (isObject(e) && typeof e!.httpMethod === 'string' && typeof e!.path === 'string' && isObject(e!.headers) && isObject(e!.requestContext)) {
    return { kind: 'http', event: e as HttpEvent };
  }
  return { kind: 'call' };
}

const header = (event: HttpEvent, name: string): string | undefined =>
  Object.entries(event.headers).find(([key]) => key.toLowerCase() === name)?.[1] || undefined;

/**
 * Through CloudBase HTTP access the caller's address is the last hop the gateway appended to
 * X-Forwarded-For (anything left of it is what the client sent), or the gateway's X-Real-IP.
 */
function httpClientAddress(event: HttpEvent): string | undefined {
  const forwarded = (header(event, 'x-forwarded-for') ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  return forwarded[forwarded.length - 1] ?? header(event, 'x-real-ip');
}

/**
 * The `main` of one CloudBase function. From the mini-program (callFunction) the caller is the
 * OPENID that the platform puts in the function's context; through CloudBase HTTP access (the H5
 * client) it is the bearer token. Either way the same router runs.
 */
export function cloudbaseMain<F extends FunctionName>(fn: F, handlers: FunctionHandlers<F>, connect = currentEnvironment) {
  let deps: Deps | null = null;
  return async (event: unknown, context: FunctionContext) => {
    deps ??= composeCloudbase(connect);
    const trigger = triggerOf(event, context);
    if (trigger.kind === 'http') {
      const http = trigger.event;
      const auth = header(http, 'authorization');
      const caller: Caller = {
        token: auth?.startsWith('Bearer ') ? auth.slice(7) : undefined,
        visitorToken: header(http, 'x-visitor-token'),
        ip: httpClientAddress(http),
      };
      let body: unknown;
      try {
        const encoded = http.isBase64Encoded === true || http.isBase64Encoded === 'true';
        const raw = encoded ? Buffer.from(http.body ?? '', 'base64').toString('utf8') : http.body;
        body = raw ? JSON.parse(raw) : {};
      } catch {
        const envelope = failure({ code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON' });
        return { statusCode: 400, headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope) };
      }
      const envelope = await dispatch(deps, fn, handlers, body, caller);
      const headers = { 'content-type': 'application/json', ...retryAfterHeader(envelope) };
      return { statusCode: httpStatusOf(envelope), headers, body: JSON.stringify(envelope) };
    }
    // From the mini-program, WeChat puts the caller's OPENID and client address in the function's context.
    const wx = tcb.getCloudbaseContext(context);
    const ip = wx.WX_CLIENTIP || wx.WX_CLIENTIPV6 || undefined;
    return dispatch(deps, fn, handlers, event, trigger.kind === 'wechat' ? { openid: trigger.openid, ip } : { ip });
  };
}

/**
 * The `main` of the `jobs` function, run by its timer trigger: every job, each idempotent, so a late or
 * doubled run is harmless. A call from the mini-program (it carries an OPENID) or through HTTP access is refused: only the
 * platform's clock runs jobs.
 */
export function cloudbaseJobsMain(jobs: Record<string, Job>, connect = currentEnvironment) {
  let deps: Deps | null = null;
  return async (event: unknown, context: FunctionContext) => {
    if (triggerOf(event, context).kind !== 'call') return failure({ code: 'FORBIDDEN', message: '定时任务只能由定时触发器运行' });
    deps ??= composeCloudbase(connect);
    const ran: Record<string, 'ok' | 'failed'> = {};
    for (const [name, job] of Object.entries(jobs)) {
      try {
        await job.run(deps);
        ran[name] = 'ok';
      } catch (error) {
        console.error(`[jobs] ${name} failed`, error);
        ran[name] = 'failed';
      }
    }
    return success(ran);
  };
}
