export default definePageConfig({ navigationBarTitleText: '收到的评价' });
