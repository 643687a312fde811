import { useMemo } from 'react';
import { Text, View } from '@tarojs/components';
import { Picture } from './Picture';
import { qrDataUrl } from './qr';

/** An attendee's check-in code as a QR image plus the code in letters (to type it in H5). */
export function CheckInQr({ code }: { code: string }) {
  const src = useMemo(() => qrDataUrl(code, 'Alphanumeric'), [code]);
  return (
    <View className="checkin-qr">
      <Picture className="checkin-qr__image" src={src} alt={`签到二维码 ${code}`} mode="aspectFit" />
      <Text className="checkin-qr__code checkin-code">{code}</Text>
      <Text className="checkin-qr__hint">签到时向主办方出示此二维码，或报出签到码</Text>
    </View>
  );
}
