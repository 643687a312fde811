import { tencentMarkerUrl } from '../../shared/domain/openweek/map-link';

describe('the Tencent Maps marker link of an event', () => {
  test('carries the coordinates, the title and the address, encoded, and the app as referer', () => {
    const url = tencentMarkerUrl({ lat: 29.3574, lng: 113.1289, title: '公交调度中心开放日', address: '岳阳市岳阳楼区' });
    expect(url).toBe(
      `https://apis.map.qq.com/uri/v1/marker?marker=coord:29.3574,113.1289;title:${encodeURIComponent('公交调度中心开放日')};addr:${encodeURIComponent('岳阳市岳阳楼区')}&referer=${encodeURIComponent('青年文明号')}`,
    );
    const parsed = new URL(url);
    expect(parsed.searchParams.get('marker')).toBe('coord:29.3574,113.1289;title:公交调度中心开放日;addr:岳阳市岳阳楼区');
  });

  test('free text cannot break the marker: its separators become spaces', () => {
    const url = tencentMarkerUrl({ lat: -0.5, lng: 0, title: 'A;title:B & C', address: '路口,东侧:1号' });
    expect(new URL(url).searchParams.get('marker')).toBe('coord:-0.5,0;title:A title B C;addr:路口 东侧 1号');
    expect([...new URL(url).searchParams.keys()]).toEqual(['marker', 'referer']);
  });
});
