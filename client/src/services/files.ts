import Taro from '@tarojs/taro';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Offers a file the backend produced (xlsx, …): a download in the browser, a document viewer in WeChat. */
export async function saveFile(fileName: string, base64: string, mime: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const link = document.createElement('a');
    link.href = `data:${mime};base64,${base64}`;
    link.download = fileName;
    link.className = 'download-link';
    document.body.appendChild(link);
    link.click();
    link.remove();
    return;
  }
  const path = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  Taro.getFileSystemManager().writeFileSync(path, base64, 'base64');
  await Taro.openDocument({ filePath: path, showMenu: true });
}
