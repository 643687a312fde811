export default definePageConfig({ navigationBarTitleText: '找回帐号或密码' });
