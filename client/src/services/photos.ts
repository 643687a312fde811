import Taro from '@tarojs/taro';
import type { DeviceFile } from './device-files';

type PhotoType = 'image/jpeg' | 'image/png';

export interface ChosenPhoto {
  contentType: PhotoType;
  base64: string;
}

/** A compressed photo on the device: WeChat's temp file, or the browser's blob. */
export interface DevicePhoto {
  contentType: PhotoType;
  file: DeviceFile;
}

/** A picked photo compressed for upload, and its thumbnail for lists when one was asked for. */
export interface PickedPhoto {
  image: DevicePhoto;
  thumbnail: DevicePhoto | null;
}

/** The longest edge a photo keeps after compression on the device: sharp on any phone screen, a few hundred KB as JPEG. */
export const MAX_PHOTO_EDGE = 1600;
/** The longest edge of a thumbnail: a list's tile at three times a phone's pixel density. */
export const THUMBNAIL_EDGE = 320;
const JPEG_QUALITY = 0.8;

const typeOfPath = (path: string): PhotoType => (/\.png$/i.test(path) ? 'image/png' : 'image/jpeg');

/** WeChat: the photo re-encoded by the system at 80% quality, scaled down so that its longest edge is at most `edge`. */
async function compressInWeChat(path: string, edge: number): Promise<string> {
  try {
    const { width, height } = await Taro.getImageInfo({ src: path });
    const scale = Math.min(1, edge / Math.max(width, height));
    const size = width >= height ? { compressedWidth: Math.round(width * scale) } : { compressedHeight: Math.round(height * scale) };
    return (await Taro.compressImage({ src: path, quality: JPEG_QUALITY * 100, ...size })).tempFilePath;
  } catch {
    // An older base library without compressImage's sizes: the album's own `compressed` copy is still sent.
    return path;
  }
}

/** The browser: the photo drawn on a canvas no larger than `edge` and re-encoded as JPEG (null when the browser cannot). */
async function drawInBrowser(bitmap: ImageBitmap, edge: number): Promise<Blob | null> {
  const scale = Math.min(1, edge / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) return null;
  // A transparent PNG becomes JPEG on white, as it would print.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
}

const browserPhoto = (blob: Blob): DevicePhoto => ({ contentType: blob.type === 'image/png' ? 'image/png' : 'image/jpeg', file: { blob } });

/** One picked file compressed on the device (WeChat: from its temp path; the browser: from the blob URL Taro hands over), with its thumbnail if asked. */
async function compress(path: string, thumbnail: boolean): Promise<PickedPhoto> {
  if (process.env.TARO_ENV === 'weapp') {
    const image = await compressInWeChat(path, MAX_PHOTO_EDGE);
    const small = thumbnail ? await compressInWeChat(image, THUMBNAIL_EDGE) : null;
    return {
      image: { contentType: typeOfPath(image), file: { path: image } },
      thumbnail: small ? { contentType: typeOfPath(small), file: { path: small } } : null,
    };
  }
  const original = await (await fetch(path)).blob();
  const bitmap = await createImageBitmap(original);
  try {
    const jpeg = await drawInBrowser(bitmap, MAX_PHOTO_EDGE);
    const small = thumbnail ? await drawInBrowser(bitmap, THUMBNAIL_EDGE) : null;
    // Re-encoding a small, already compressed photo can make it larger: keep whichever is smaller.
    const image = jpeg && jpeg.size < original.size ? jpeg : original;
    return { image: browserPhoto(image), thumbnail: thumbnail ? browserPhoto(small ?? image) : null };
  } finally {
    bitmap.close();
  }
}

/**
 * Picks up to `count` photos from the album or camera, each compressed on the device (at most MAX_PHOTO_EDGE on its
 * longest edge, JPEG), with a thumbnail of at most THUMBNAIL_EDGE beside it when `thumbnails` is asked; empty when cancelled.
 */
export async function pickPhotos(count: number, { thumbnails = false } = {}): Promise<PickedPhoto[]> {
  let paths: string[];
  try {
    paths = (await Taro.chooseImage({ count, sizeType: ['compressed'] })).tempFilePaths;
  } catch {
    return [];
  }
  return Promise.all(paths.slice(0, count).map((path) => compress(path, thumbnails)));
}

/** A compressed photo's bytes as base64, for the features that send a photo through a function call. */
async function base64Of(photo: DevicePhoto): Promise<ChosenPhoto> {
  if ('path' in photo.file) {
    return { contentType: photo.contentType, base64: Taro.getFileSystemManager().readFileSync(photo.file.path, 'base64') as string };
  }
  const bytes = new Uint8Array(await photo.file.blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { contentType: photo.contentType, base64: btoa(binary) };
}

/** Picks up to `count` photos, compressed and read as base64; empty when cancelled. */
export async function choosePhotos(count: number): Promise<ChosenPhoto[]> {
  return Promise.all((await pickPhotos(count)).map((picked) => base64Of(picked.image)));
}

/** Picks one photo, compressed and read as base64; null when cancelled. */
export async function choosePhoto(): Promise<ChosenPhoto | null> {
  return (await choosePhotos(1))[0] ?? null;
}
