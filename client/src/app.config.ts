export default defineAppConfig({
  pages: [
    'pages/index/index',
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
      pages: ['units/index', 'accounts/index', 'accounts/issue', 'accounts/detail', 'audit/index', 'openweek/index', 'filings/index', 'filings/detail', 'filings/form', 'filings/transfer', 'filings/transfers', 'filings/revocations', 'filings/quotas', 'filings/campaign'],
    },
    /** 开放周 for the public: the event page (opened directly from a share card), signing up, my signups, a collective's public page. */
    { root: 'events', pages: ['detail', 'signup', 'mine', 'collective'] },
    /** 开放周 for collectives: publish, signups and approval, check-in, export, summary. */
    { root: 'openweek', pages: ['index', 'edit', 'manage'] },
    /** 报备 for collectives: the profile, plan and achievements form, and where the filing is. */
    { root: 'collective', pages: ['filing/index', 'filing/status'] },
  ],
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
