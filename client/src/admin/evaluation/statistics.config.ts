export default definePageConfig({ navigationBarTitleText: '社会评价统计' });
