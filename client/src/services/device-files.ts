import Taro from '@tarojs/taro';
import type { Envelope } from '../../../shared/envelope';
import { initTransport, NETWORK_FAULT } from './transport';

/** A file picked on the device: WeChat's temp file path, or the browser's blob (a picked File is one). */
export type DeviceFile = { path: string } | { blob: Blob };

/**
 * Writes a file straight from the device into storage at `cloudPath` (which a function named): WeChat with
 * `Taro.cloud.uploadFile` into cloud storage; the browser with one `PUT /files/<cloudPath>` to the local host, which
 * accepts it only where a function allowed. The answer is the address the server then checks.
 */
export async function putDeviceFile(file: DeviceFile, cloudPath: string, contentType: string): Promise<Envelope<{ url: string }>> {
  try {
    if ('path' in file) {
      initTransport();
      const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: file.path });
      return { ok: true, data: { url: fileID } };
    }
    const response = await fetch(`/files/${cloudPath}`, { method: 'PUT', body: file.blob, headers: { 'content-type': contentType } });
    return (await response.json()) as Envelope<{ url: string }>;
  } catch {
    return NETWORK_FAULT;
  }
}
