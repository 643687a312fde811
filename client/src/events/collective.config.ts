export default definePageConfig({ navigationBarTitleText: '集体主页', enableShareAppMessage: true });
