import Taro from '@tarojs/taro';

/** Every page of the app, by what it is for. Paths match `app.config.ts`. */
export const ROUTES = {
  home: '/pages/index/index',
  /** Tab 报名: the visitor's own open-week signups. */
  mySignups: '/pages/signups/index',
  /** Tab 我的: the account, and for members the console's entrances. */
  mine: '/pages/mine/index',
  notFound: '/pages/not-found/index',
  signIn: '/pages/auth/sign-in',
  changePassword: '/pages/auth/change-password',
  forgot: '/pages/auth/forgot',
  resetPassword: '/pages/auth/reset-password',
  recoveryEmail: '/pages/account/recovery-email',
  adminUnits: '/admin/units/index',
  adminAccounts: '/admin/accounts/index',
  adminIssue: '/admin/accounts/issue',
  adminAccount: '/admin/accounts/detail',
  adminAudit: '/admin/audit/index',
  /** A unit's published complaint channel (`unitId`), shown on the 三亮 pages below it. */
  adminComplaintChannel: '/admin/units/complaint',
  event: '/events/detail',
  eventSignup: '/events/signup',
  /** A collective's 三亮 page (`id`: the collective, as events carry it; or `code`: its public code). */
  collective: '/events/collective',
  /** The evaluation form: `signup` (一次一评 after check-in) or `code` (综合点评 of a collective). */
  evaluate: '/events/evaluate',
  /** The visitor's own evaluations. */
  myEvaluations: '/events/evaluations',
  /** The complaint form about a collective (`code`). */
  complain: '/events/complain',
  /** The visitor's own complaints and the managing units' responses. */
  myComplaints: '/events/complaints',
  /** The collective's editor of its 三亮 page (公开承诺, address, hours). */
  collectivePublicPage: '/collective/public/index',
  /** The printable QR poster of a 三亮 page: the collective's own, or `code` (admins). */
  collectivePoster: '/collective/public/poster',
  /** The evaluations the collective received. */
  collectiveEvaluations: '/collective/public/evaluations',
  /** The collective's 差评 to follow up, and its answers. */
  collectiveCases: '/collective/public/cases',
  /** The collective's appeals (申诉) and their decisions. */
  collectiveAppeals: '/collective/public/appeals',
  /** The collective's upheld complaints with a 整改要求: its report of the rectification. */
  collectiveComplaints: '/collective/public/complaints',
  owEvents: '/openweek/index',
  owEdit: '/openweek/edit',
  owManage: '/openweek/manage',
  adminOpenweek: '/admin/openweek/index',
  collectiveFiling: '/collective/filing/index',
  collectiveFilingStatus: '/collective/filing/status',
  adminFilings: '/admin/filings/index',
  adminFiling: '/admin/filings/detail',
  adminApplicationForm: '/admin/filings/form',
  adminTransfer: '/admin/filings/transfer',
  adminRevocations: '/admin/filings/revocations',
  adminTransferRequests: '/admin/filings/transfers',
  adminQuotas: '/admin/filings/quotas',
  adminCampaign: '/admin/filings/campaign',
  /** 创建日志 for the collective: the timeline, an entry's form (`id`, or `correcting`), one entry (`id`). */
  creationLog: '/collective/creationlog/index',
  creationLogEdit: '/collective/creationlog/edit',
  creationLogEntry: '/collective/creationlog/entry',
  /** 创建日志 for admins: the feed of their subtree and one entry (`id`). */
  adminCreationLog: '/admin/creationlog/index',
  adminCreationLogEntry: '/admin/creationlog/entry',
  adminCreationLogCategories: '/admin/creationlog/categories',
  /** 报备进度: quota progress for the office and level-1 admins (`unitId`: a unit of their subtree). */
  adminDashboard: '/admin/management/dashboard',
  /** 五个一工作台账: the unit's own (or, with `unitId`, a unit's below, read only). */
  adminLedger: '/admin/management/ledger',
  /** 考评: the rounds (`roundId`: one round's points, ranking, publication, export). */
  adminAssessment: '/admin/management/assessment',
  /** 考评表 of a level-1 unit (`roundId`, `unitId`): the unit's report and evidence, the office's scores. */
  adminAssessmentSheet: '/admin/management/sheet',
  /** The aspect tags evaluators choose from in a campaign (`campaignId`). */
  adminAspectTags: '/admin/evaluation/tags',
  /** 差评 escalated to the caller's units: overdue, or the handling rated 不满意. */
  adminEscalatedCases: '/admin/evaluation/cases',
  /** Appeals to decide (level-1 admins: their branch; the office: all). */
  adminAppeals: '/admin/evaluation/appeals',
  /** Complaints about the caller's collectives: verify and respond. */
  adminComplaints: '/admin/evaluation/complaints',
  /** Held evaluations and comments under review in the caller's subtree: 计入 or 不计入. */
  adminEvaluationReviews: '/admin/evaluation/reviews',
  /** 社会监督员 the caller's units appointed: appoint (a one-time invitation code), list, revoke. */
  adminSupervisors: '/admin/evaluation/supervisors',
  /** 明察暗访 reports of those supervisors: forward to the collective, or 不转发 with a reason. */
  adminSupervisionReports: '/admin/evaluation/reports',
  /** 我的监督: redeem an invitation (`invite`: the code from the admin's link), the supervisor's reports. */
  mySupervision: '/events/supervision',
  /** A new 明察暗访 report about a collective (`code`), for a supervisor in scope. */
  supervisionReport: '/events/report',
  /** 社会评价统计 per unit subtree (`unitId`: the unit whose units are the rows). */
  adminEvaluationStatistics: '/admin/evaluation/statistics',
} as const;

export type Route = (typeof ROUTES)[keyof typeof ROUTES];

/** The tab bar's pages (`tabBar` in `app.config.ts`): reached with switchTab, which takes no query. */
export const TAB_ROUTES: readonly Route[] = [ROUTES.home, ROUTES.mySignups, ROUTES.mine];

export function isTabRoute(route: string): boolean {
  return (TAB_ROUTES as readonly string[]).includes(route);
}
export type Query = Record<string, string | number | undefined | null>;

export function urlOf(route: Route, query: Query = {}): string {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `${route}?${pairs.join('&')}` : route;
}

/** Open a page on top of the current one. */
export function go(route: Route, query?: Query): void {
  if (isTabRoute(route)) void Taro.switchTab({ url: route });
  else void Taro.navigateTo({ url: urlOf(route, query) });
}

/** Replace the current page (after a step that should not be returned to). */
export function replace(route: Route, query?: Query): void {
  if (isTabRoute(route)) void Taro.switchTab({ url: route });
  else void Taro.redirectTo({ url: urlOf(route, query) });
}

/** Start over from one page (after signing in or out). */
export function restart(route: Route = ROUTES.home, query?: Query): void {
  void Taro.reLaunch({ url: urlOf(route, query) });
}

/** Start over from a URL produced by `currentUrl` (the page that asked for sign-in). */
export function restartAtUrl(url: string): void {
  void Taro.reLaunch({ url: isAppUrl(url) ? url : ROUTES.home });
}

/** Back to the previous page, or home when this page was opened directly. */
export function back(): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else restart();
}

/** The current page as a URL (to come back to it after signing in). */
export function currentUrl(): string | undefined {
  const router = Taro.getCurrentInstance().router;
  if (!router) return undefined;
  const path = router.path.split('?')[0];
  // Taro adds its own keys ($taroTimestamp in the mini program, stamp in H5); they are not part of the page's query.
  const query = Object.fromEntries(
    Object.entries(router.params).filter(([key]) => !key.startsWith('$taro') && key !== 'stamp'),
  );
  return urlOf((path.startsWith('/') ? path : `/${path}`) as Route, query);
}

/** Only our own pages may be the target of a `redirect` query parameter. */
export function isAppUrl(url: string | undefined): url is string {
  if (!url) return false;
  const path = url.split('?')[0];
  return (Object.values(ROUTES) as string[]).includes(path);
}
