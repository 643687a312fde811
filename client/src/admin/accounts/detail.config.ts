export default definePageConfig({ navigationBarTitleText: '帐号详情' });
