import Taro from '@tarojs/taro';

export interface ChosenPhoto {
  contentType: 'image/jpeg' | 'image/png';
  base64: string;
}

/** One picked file read as base64 (WeChat: from its temp path; the browser: from the blob URL Taro hands over). */
async function read(path: string): Promise<ChosenPhoto> {
  if (process.env.TARO_ENV === 'weapp') {
    const base64 = Taro.getFileSystemManager().readFileSync(path, 'base64') as string;
    return { contentType: /\.png$/i.test(path) ? 'image/png' : 'image/jpeg', base64 };
  }
  const blob = await (await fetch(path)).blob();
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { contentType: blob.type === 'image/png' ? 'image/png' : 'image/jpeg', base64: btoa(binary) };
}

/**
 * Picks up to `count` photos from the album or camera, compressed on the device (WeChat's `compressed`
 * size), each read as base64; empty when cancelled.
 */
export async function choosePhotos(count: number): Promise<ChosenPhoto[]> {
  let paths: string[];
  try {
    paths = (await Taro.chooseImage({ count, sizeType: ['compressed'] })).tempFilePaths;
  } catch {
    return [];
  }
  return Promise.all(paths.slice(0, count).map(read));
}

/** Picks one photo; null when cancelled. */
export async function choosePhoto(): Promise<ChosenPhoto | null> {
  return (await choosePhotos(1))[0] ?? null;
}
