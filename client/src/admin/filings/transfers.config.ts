export default definePageConfig({ navigationBarTitleText: '集体转移申请' });
