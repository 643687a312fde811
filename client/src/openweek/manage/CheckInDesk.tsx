import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { accessibleName } from '../../components/FormField';
import { Notice } from '../../components/Notice';
import { Section } from '../../components/Screen';
import { scanCheckInCode } from '../../services';
import type { CheckIn, CheckInNotice } from './useCheckIn';

/** Check-in by the attendee's QR (WeChat's scanner) or typed code; shows the outcome of every check-in. */
export function CheckInDesk({ checkIn, notice }: { checkIn: CheckIn; notice: CheckInNotice }) {
  const [code, setCode] = useState('');
  const byCode = async (typed: string) => {
    if (await checkIn({ code: typed })) setCode('');
  };
  const scan = async () => {
    const scanned = await scanCheckInCode();
    if (scanned) await byCode(scanned);
  };
  return (
    <Section title="签到（活动开始前1小时至结束）" className="ow-checkin">
      {/* WeChat's scanner reads the attendee's QR; the typed code stays for the browser and as a fallback. */}
      {process.env.TARO_ENV === 'weapp' ? (
        <View className="form-actions">
          <Button className="btn-scan" type="primary" block onClick={() => void scan()}>
            扫码签到
          </Button>
        </View>
      ) : null}
      <View className="ow-search">
        <Input
          className="ow-search__input field-code"
          name="code"
          value={code}
          placeholder="输入签到码"
          maxLength={16}
          confirmType="done"
          onChange={setCode}
          onConfirm={() => void byCode(code)}
          {...accessibleName('签到码')}
        />
        <Button className="btn-check-in" size="small" type={process.env.TARO_ENV === 'weapp' ? 'default' : 'primary'} onClick={() => void byCode(code)}>
          签到
        </Button>
      </View>
      <View className="ow-checkin__hint">没带签到码的参加者，可在下方报名名单中点「签到」。</View>
      {notice ? <Notice tone={notice.tone} className="checkin-result">{notice.text}</Notice> : null}
    </Section>
  );
}
