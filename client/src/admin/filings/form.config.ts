export default definePageConfig({ navigationBarTitleText: '申报表' });
