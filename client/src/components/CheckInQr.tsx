import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { Picture } from './Picture';

/**
 * An attendee's check-in code as a QR image plus the code in letters (to type it in H5).
 * qrcode-generator encodes in pure JavaScript and writes a GIF data URL itself, so the same code
 * draws in the mini-program's <image> and in the browser, with no canvas and no DOM.
 */
export function CheckInQr({ code }: { code: string }) {
  const src = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(code, 'Alphanumeric');
    qr.make();
    return qr.createDataURL(8, 2);
  }, [code]);
  return (
    <View className="checkin-qr">
      <Picture className="checkin-qr__image" src={src} alt={`签到二维码 ${code}`} mode="aspectFit" />
      <Text className="checkin-qr__code checkin-code">{code}</Text>
      <Text className="checkin-qr__hint">签到时向主办方出示此二维码，或报出签到码</Text>
    </View>
  );
}
