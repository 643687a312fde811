export default definePageConfig({ navigationBarTitleText: '青年文明号' });
