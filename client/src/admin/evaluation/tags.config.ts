export default definePageConfig({ navigationBarTitleText: '社会评价设置' });
