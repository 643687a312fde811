export default definePageConfig({ navigationBarTitleText: '三亮主页' });
