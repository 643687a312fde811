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

/**
 * Picks one document with one of `extensions` (xlsx, csv, pdf…): a file input in the browser, a file from a
 * chat in WeChat (the mini-program has no other file picker). Answers its name and base64 bytes; null when
 * the user chose nothing.
 */
export async function pickFile(extensions: string[]): Promise<{ name: string; base64: string } | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = extensions.map((ext) => `.${ext}`).join(',');
      input.onchange = () => {
        const file = input.files?.[0];
        if (!file) return resolve(null);
        const reader = new FileReader();
        reader.onload = () => resolve({ name: file.name, base64: String(reader.result).split(',')[1] ?? '' });
        reader.readAsDataURL(file);
      };
      input.click();
    });
  }
  try {
    const chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: extensions });
    const file = chosen.tempFiles[0];
    if (!file) return null;
    return { name: file.name, base64: Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string };
  } catch {
    return null;
  }
}
