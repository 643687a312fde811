import qrcode from 'qrcode-generator';

/**
 * A QR code as a GIF data URL. qrcode-generator encodes in pure JavaScript and writes the image itself, so
 * the same code draws in the mini-program's <image> and in the browser, with no canvas and no DOM.
 */
export function qrDataUrl(text: string, mode: 'Alphanumeric' | 'Byte'): string {
  const qr = qrcode(0, 'M');
  qr.addData(text, mode);
  qr.make();
  return qr.createDataURL(8, 2);
}
