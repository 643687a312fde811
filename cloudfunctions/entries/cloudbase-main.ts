import tcb, { type CloudBase } from '@cloudbase/node-sdk';
import { z } from 'zod';
import type { FunctionName } from '../../shared/contract';
import { failure, success } from '../../shared/envelope';
import { optionalVar, parseEnv } from '../config/env';
import { limitsEnv, limitsFromEnv } from '../config/limits';
import { calendarEnv, calendarFromEnv } from '../config/calendar';
import { CloudbaseDatabaseAdmin } from '../adapters/cloudbase/cloudbase-database-admin';
import { CloudbaseStore } from '../adapters/cloudbase/cloudbase-store';
import { CloudbaseFiles } from '../adapters/files/cloudbase-files';
import { DevMailboxMailer } from '../adapters/mail/dev-mailbox-mailer';
import { DevMailboxNotifier } from '../adapters/mail/dev-mailbox-notifier';
import { SmtpMailer } from '../adapters/mail/smtp-mailer';
import { SubscribeMessageNotifier } from '../adapters/wechat/subscribe-message-notifier';
import { WechatContentSecurity } from '../adapters/wechat/wechat-content-security';
import { WechatMiniProgramCodes } from '../adapters/wechat/wechat-mini-program-code';
import { WechatRiskControl } from '../adapters/wechat/wechat-risk-control';
import { COLLECTIONS } from '../app/collections';
import { UniqueIndexGuard } from '../app/collections/unique-index-guard';
import type { Deps } from '../app/context';
import type { Job } from '../app/jobs';
import { StoreRateLimiter } from '../app/limits/store-rate-limiter';
import { dispatch, type FunctionHandlers } from '../app/router';
import { receiveMediaVerdict } from '../app/media-verdicts/receive';
import { PasswordHasher } from '../app/security/passwords';
import { SessionTokens } from '../app/security/session-tokens';

/**
 * The functions' environment variables; missing required ones stop the cold start. Each is declared for
 * every function in cloudbaserc.json (an unset one renders as "", which counts as unset).
 */
export const functionEnvironment = z.object({
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
  PUBLIC_URL: z.url(),
  SESSION_TTL_HOURS: optionalVar(z.coerce.number().int().min(1)).default(12),
  SCRYPT_COST: optionalVar(z.coerce.number().int().min(10).max(20)).default(15),
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
  ...calendarEnv,
});

/** The SDK bound to the environment the function runs in. */
type FunctionContext = Parameters<typeof tcb.getCloudbaseContext>[0];

const currentEnvironment = (): CloudBase => tcb.init({ env: tcb.SYMBOL_CURRENT_ENV });

function composeCloudbase(connect: () => CloudBase): Deps {
  const c = parseEnv(functionEnvironment, process.env, 'cloud function environment variables');
  const app = connect();
  // Writes that rely on a unique index wait for the first look at the environment's indexes (once per
  // cold start), through the management API with the function's own role (TCB_ENV and its keys are set by the platform).
  const admin = new CloudbaseDatabaseAdmin({ envId: process.env.TCB_ENV || process.env.SCF_NAMESPACE || '' });
  const store = new UniqueIndexGuard(new CloudbaseStore(app), COLLECTIONS, admin);
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
    contentSecurity: new WechatContentSecurity(app),
    riskControl: new WechatRiskControl(app),
    now,
    config: { sessionTtlHours: c.SESSION_TTL_HOURS, publicUrl: c.PUBLIC_URL, wechatBindingMaxAgeDays: c.WECHAT_BINDING_MAX_AGE_DAYS, workCalendar: calendarFromEnv(c), ...limitsFromEnv(c) },
    files: new CloudbaseFiles(app),
    miniProgramCodes: new WechatMiniProgramCodes(app, c.WX_MINIPROGRAM_STATE),
  };
}

/**
 * The `main` of one CloudBase function, called from the mini-program (callFunction): the caller is the
 * OPENID that the platform puts in the function's context, never anything in the event. Browsers (H5)
 * are served by the self-hosted local host, not through CloudBase HTTP access (README: H5 in production).
 */
export function cloudbaseMain<F extends FunctionName>(fn: F, handlers: FunctionHandlers<F>, connect = currentEnvironment) {
  let deps: Deps | null = null;
  return async (event: unknown, context: FunctionContext) => {
    deps ??= composeCloudbase(connect);
    // From the mini-program, WeChat puts the caller's OPENID and client address in the function's context.
    const wx = tcb.getCloudbaseContext(context);
    return dispatch(deps, fn, handlers, event, { openid: wx.WX_OPENID || undefined, ip: wx.WX_CLIENTIP || wx.WX_CLIENTIPV6 || undefined, appid: wx.WX_APPID || undefined });
  };
}

/**
 * The `main` of the `jobs` function, run by its timer trigger: every job, each idempotent, so a late or
 * doubled run is harmless. A call from the mini-program (it carries an OPENID) is refused: only the
 * platform's clock runs jobs.
 */
export function cloudbaseJobsMain(jobs: Record<string, Job>, connect = currentEnvironment) {
  let deps: Deps | null = null;
  return async (_event: unknown, context: FunctionContext) => {
    if (tcb.getCloudbaseContext(context).WX_OPENID) return failure({ code: 'FORBIDDEN', message: '定时任务只能由定时触发器运行' });
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

/** The first hop of the call source (getWXContext().SOURCE, TCB_SOURCE) when a mini-program user made the call. */
const USER_SOURCE = /^(wx_client|wx_devtools|wx_localdebug)(,|$)/;

/**
 * Whether a call came from WeChat's platform (the 消息推送 of an asynchronous verdict) rather than a user: a
 * mini-program's call names the client (or developer tools) as its source and carries the device's address; a
 * push does neither. A push names the checked user as its OPENID (FromUserName), so an OPENID alone proves
 * nothing; but with no source given, one is taken as a user's call, not the platform's.
 */
export function isPlatformPush(wx: { TCB_SOURCE?: string; WX_CLIENTIP?: string; WX_CLIENTIPV6?: string; WX_OPENID?: string }): boolean {
  if (wx.WX_CLIENTIP || wx.WX_CLIENTIPV6) return false;
  const source = wx.TCB_SOURCE ?? '';
  if (!source) return !wx.WX_OPENID;
  return !USER_SOURCE.test(source);
}

/**
 * The `main` of the `mediacheck` function, where the CloudBase console's 消息推送 sends WeChat's `wxa_media_check`
 * events (README: 图片的异步审核). A call from a mini-program user is refused: only the platform delivers
 * verdicts. Whatever the event turns out to be (applied, a repeat, a trace id nobody recorded, not a verdict), the
 * answer is `success`, so WeChat does not push it again; a failure to apply throws, and the push may come again.
 */
export function cloudbaseMediaCheckMain(connect = currentEnvironment) {
  let deps: Deps | null = null;
  return async (event: unknown, context: FunctionContext) => {
    if (!isPlatformPush(tcb.getCloudbaseContext(context))) return failure({ code: 'FORBIDDEN', message: '图片审核结果只能由微信平台推送' });
    deps ??= composeCloudbase(connect);
    const outcome = await receiveMediaVerdict(deps, event);
    console.log(`[mediacheck] ${outcome}`);
    return 'success';
  };
}
