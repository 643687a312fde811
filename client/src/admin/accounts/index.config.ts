export default definePageConfig({ navigationBarTitleText: '帐号管理' });
