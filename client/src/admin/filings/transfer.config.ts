export default definePageConfig({ navigationBarTitleText: '接收归口选错的集体' });
