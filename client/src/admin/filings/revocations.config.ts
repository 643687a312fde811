export default definePageConfig({ navigationBarTitleText: '取消创建资格' });
