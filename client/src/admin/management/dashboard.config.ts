export default definePageConfig({ navigationBarTitleText: '报备进度' });
