export default definePageConfig({ navigationBarTitleText: '开放周监管' });
