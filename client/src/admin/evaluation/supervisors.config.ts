export default definePageConfig({ navigationBarTitleText: '社会监督员' });
