import Taro from '@tarojs/taro';
import { MAX_VIDEO_BYTES, MAX_VIDEO_SECONDS } from '../../../shared/domain/creationlog/categories';
import type { DeviceFile } from './device-files';

export interface ChosenVideo {
  /** WeChat: the temp file; the browser: the file itself. */
  source: DeviceFile;
  /** As the device reports them (the browser does not read the length); the server reads both again from the file. */
  seconds: number | null;
  bytes: number;
}

/**
 * The browser's file picker for one MP4. Not Taro's chooseVideo there: it reads the whole file into a data URL
 * and drops a file its <video> cannot play, while the server decides what the file is anyway.
 */
function pickInBrowser(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'video/mp4';
    input.style.display = 'none';
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    document.body.appendChild(input);
    input.click();
  });
}

/** Picks one video from the album or camera (WeChat compresses it); null when cancelled. */
export async function chooseVideo(): Promise<ChosenVideo | null> {
  if (process.env.TARO_ENV !== 'weapp') {
    const file = await pickInBrowser();
    return file ? { source: { blob: file }, seconds: null, bytes: file.size } : null;
  }
  try {
    const picked = await Taro.chooseVideo({ sourceType: ['album', 'camera'], maxDuration: MAX_VIDEO_SECONDS, compressed: true });
    return { source: { path: picked.tempFilePath }, seconds: picked.duration, bytes: picked.size };
  } catch {
    return null;
  }
}

/** What the device can tell before uploading anything: a video it knows is too long or too large is not sent. */
export function tooLargeOnDevice(video: ChosenVideo): string | null {
  if (video.bytes > MAX_VIDEO_BYTES) return `视频：不能超过${MAX_VIDEO_BYTES / 1024 / 1024}MB`;
  if (video.seconds !== null && video.seconds > MAX_VIDEO_SECONDS) return `视频：不能超过${MAX_VIDEO_SECONDS}秒`;
  return null;
}
