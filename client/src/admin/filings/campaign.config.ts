export default definePageConfig({ navigationBarTitleText: '创建工作规则' });
