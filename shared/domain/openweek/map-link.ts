/**
 * The Tencent Maps page that shows one marker (腾讯地图 URI API, no key needed): what the H5 event page
 * opens for 查看地图. Title and address are free text: the URI's own separators (`;` `:` `,` `&`) are
 * replaced with spaces so that they cannot break the marker, and both are URL-encoded.
 */
export const MAP_REFERER = '青年文明号';

export interface MapPoint {
  lat: number;
  lng: number;
  title: string;
  address: string;
}

const clean = (text: string): string => encodeURIComponent(text.replace(/[;:,&]/g, ' ').replace(/\s+/g, ' ').trim());

export function tencentMarkerUrl(point: MapPoint): string {
  const marker = `coord:${point.lat},${point.lng};title:${clean(point.title)};addr:${clean(point.address)}`;
  return `https://apis.map.qq.com/uri/v1/marker?marker=${marker}&referer=${encodeURIComponent(MAP_REFERER)}`;
}
