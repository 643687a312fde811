export default definePageConfig({ navigationBarTitleText: '保密邮箱' });
