export default definePageConfig({ navigationBarTitleText: '派发用户名' });
