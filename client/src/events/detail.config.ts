export default definePageConfig({ navigationBarTitleText: '开放周活动', enableShareAppMessage: true });
