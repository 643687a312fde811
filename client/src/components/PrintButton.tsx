import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';

/**
 * 打印 / 另存为 PDF under a printable page in the H5 build (the browser's print dialog; the button itself is not
 * printed); the mini-program cannot print, so there it shows `elsewhere` (a hint where to print), if any.
 */
export function PrintButton({ elsewhere = null }: { elsewhere?: ReactNode }) {
  if (process.env.TARO_ENV !== 'h5') return <>{elsewhere}</>;
  return (
    <View className="form-actions no-print">
      <Button className="btn-print" type="primary" block onClick={() => window.print()}>
        打印 / 另存为 PDF
      </Button>
    </View>
  );
}
