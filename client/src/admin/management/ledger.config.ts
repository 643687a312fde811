export default definePageConfig({ navigationBarTitleText: '五个一工作台账' });
