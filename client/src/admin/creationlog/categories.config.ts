export default definePageConfig({ navigationBarTitleText: '创建日志类别' });
