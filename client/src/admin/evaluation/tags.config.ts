export default definePageConfig({ navigationBarTitleText: '评价方面标签' });
