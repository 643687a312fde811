export default definePageConfig({ navigationBarTitleText: '明察暗访报告' });
