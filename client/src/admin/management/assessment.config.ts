export default definePageConfig({ navigationBarTitleText: '考评' });
