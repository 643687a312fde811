export default definePageConfig({ navigationBarTitleText: '投诉整改' });
