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
      pages: ['units/index', 'accounts/index', 'accounts/issue', 'accounts/detail', 'audit/index'],
    },
  ],
  window: {
    navigationBarTitleText: '青年文明号',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTextStyle: 'black',
    backgroundColor: '#ededed',
    backgroundTextStyle: 'dark',
  },
});
