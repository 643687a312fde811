export default definePageConfig({ navigationBarTitleText: '开放周活动管理' });
