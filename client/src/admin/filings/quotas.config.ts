export default definePageConfig({ navigationBarTitleText: '名额分配' });
