export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/signups/index',
    'pages/mine/index',
    'pages/not-found/index',
    'pages/auth/sign-in',
    'pages/auth/change-password',
    'pages/auth/forgot',
    'pages/auth/reset-password',
    'pages/account/recovery-email',
  ],
  /** The admin console loads only for those who open it. */
  subPackages: [
    {
      root: 'admin',
      pages: ['units/index', 'accounts/index', 'accounts/issue', 'accounts/detail', 'audit/index', 'openweek/index', 'filings/index', 'filings/detail', 'filings/form', 'filings/transfer', 'filings/transfers', 'filings/revocations', 'filings/quotas', 'filings/campaign', 'creationlog/index', 'creationlog/entry', 'creationlog/categories', 'management/dashboard', 'management/ledger', 'management/assessment', 'management/sheet', 'units/complaint', 'evaluation/tags', 'evaluation/cases', 'evaluation/appeals', 'evaluation/complaints', 'evaluation/reviews', 'evaluation/supervisors', 'evaluation/reports', 'evaluation/statistics'],
    },
    /** 开放周 for the public: the event page (opened directly from a share card), signing up, my signups, a collective's 三亮 page, evaluating. */
    { root: 'events', pages: ['detail', 'signup', 'collective', 'evaluate', 'evaluations', 'complain', 'complaints', 'supervision', 'report'] },
    /** 开放周 for collectives: publish, signups and approval, check-in, export, summary. */
    { root: 'openweek', pages: ['index', 'edit', 'manage'] },
    /** 报备 for collectives: the profile, plan and achievements form, and where the filing is; its 创建日志; its 三亮 page and evaluations. */
    { root: 'collective', pages: ['filing/index', 'filing/status', 'creationlog/index', 'creationlog/edit', 'creationlog/entry', 'public/index', 'public/evaluations', 'public/cases', 'public/appeals', 'public/poster', 'public/complaints'] },
  ],
  /**
   * Every page is one tap from home: 首页 (the public open-week list, for everyone), 报名 (my signups), 我的
   * (sign-in, or the account and the console). Tab pages must live in the main package.
   */
  tabBar: {
    color: '#7f7f7f',
    selectedColor: '#07c160',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab-home.png', selectedIconPath: 'assets/tab-home-on.png' },
      { pagePath: 'pages/signups/index', text: '报名', iconPath: 'assets/tab-signups.png', selectedIconPath: 'assets/tab-signups-on.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab-mine.png', selectedIconPath: 'assets/tab-mine-on.png' },
    ],
  },
  /** 开放周: the collective picks an event's place with wx.chooseLocation (which needs scope.userLocation). */
  requiredPrivateInfos: ['chooseLocation'],
  permission: { 'scope.userLocation': { desc: '用于在地图上选择开放周活动的地点' } },
  window: {
    navigationBarTitleText: '青年文明号',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTextStyle: 'black',
    backgroundColor: '#ededed',
    backgroundTextStyle: 'dark',
  },
});
