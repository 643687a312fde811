import Taro from '@tarojs/taro';

export interface ChosenPhoto {
  contentType: 'image/jpeg' | 'image/png';
  base64: string;
}

/** The longest edge a photo keeps after compression on the device: sharp on any phone screen, a few hundred KB as JPEG. */
export const MAX_PHOTO_EDGE = 1600;
const JPEG_QUALITY = 0.8;

/** WeChat: the photo re-encoded by the system at 80% quality, scaled down so that its longest edge is at most MAX_PHOTO_EDGE. */
async function compressInWeChat(path: string): Promise<string> {
  try {
    const { width, height } = await Taro.getImageInfo({ src: path });
    const scale = Math.min(1, MAX_PHOTO_EDGE / Math.max(width, height));
    const size = width >= height ? { compressedWidth: Math.round(width * scale) } : { compressedHeight: Math.round(height * scale) };
    return (await Taro.compressImage({ src: path, quality: JPEG_QUALITY * 100, ...size })).tempFilePath;
  } catch {
    // An older base library without compressImage's sizes: the album's own `compressed` copy is still sent.
    return path;
  }
}

/** The browser: the photo drawn on a canvas no larger than MAX_PHOTO_EDGE and re-encoded as JPEG. */
async function compressInBrowser(blob: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(blob);
  const scale = Math.min(1, MAX_PHOTO_EDGE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  const context = canvas.getContext('2d');
  if (!context) return blob;
  // A transparent PNG becomes JPEG on white, as it would print.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  // Re-encoding a small, already compressed photo can make it larger: keep whichever is smaller.
  return jpeg && jpeg.size < blob.size ? jpeg : blob;
}

/** One picked file, compressed on the device and read as base64 (WeChat: from its temp path; the browser: from the blob URL Taro hands over). */
async function read(path: string): Promise<ChosenPhoto> {
  if (process.env.TARO_ENV === 'weapp') {
    const compressed = await compressInWeChat(path);
    const base64 = Taro.getFileSystemManager().readFileSync(compressed, 'base64') as string;
    return { contentType: /\.png$/i.test(compressed) ? 'image/png' : 'image/jpeg', base64 };
  }
  const blob = await compressInBrowser(await (await fetch(path)).blob());
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { contentType: blob.type === 'image/png' ? 'image/png' : 'image/jpeg', base64: btoa(binary) };
}

/**
 * Picks up to `count` photos from the album or camera, each compressed on the device (at most MAX_PHOTO_EDGE
 * on its longest edge, JPEG) and read as base64; empty when cancelled.
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
