export default definePageConfig({ navigationBarTitleText: '转来的差评' });
