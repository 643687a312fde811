import Taro from '@tarojs/taro';
import { tencentMarkerUrl, type MapPoint } from '../../../shared/domain/openweek/map-link';

/** What the collective picked on WeChat's map: the point, and the place's name and address. */
export interface PickedPoint {
  lat: number;
  lng: number;
  address: string;
}

/**
 * Opens WeChat's map to pick a point (mini-program only: H5 has no map SDK key here and types the
 * coordinates instead). Answers null when the user backs out, and a message when WeChat refuses.
 */
export async function pickMapPoint(): Promise<PickedPoint | null | { error: string }> {
  try {
    const res = await Taro.chooseLocation({});
    if (typeof res.latitude !== 'number' || typeof res.longitude !== 'number') return null;
    return { lat: res.latitude, lng: res.longitude, address: [res.address, res.name].filter(Boolean).join(' ').trim() };
  } catch (error) {
    const message = String((error as { errMsg?: string })?.errMsg ?? '');
    if (/cancel/i.test(message)) return null;
    return { error: /auth/i.test(message) ? '请在小程序设置中允许使用位置信息后再选点' : '暂时无法打开地图选点' };
  }
}

/** Shows the event's place on a map: WeChat's own map in the mini-program, Tencent Maps in a new window in H5. */
export function openMap(point: MapPoint): void {
  if (process.env.TARO_ENV === 'weapp') {
    void Taro.openLocation({ latitude: point.lat, longitude: point.lng, name: point.title, address: point.address, scale: 16 }).catch(() => undefined);
    return;
  }
  window.open(tencentMarkerUrl(point), '_blank', 'noopener');
}
