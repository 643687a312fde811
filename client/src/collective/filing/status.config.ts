export default definePageConfig({ navigationBarTitleText: '报备状态' });
