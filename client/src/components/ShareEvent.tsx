import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Picture } from './Picture';
import { qrDataUrl } from './qr';

/**
 * Passing an event on. In WeChat the share button sends the page as a card; a browser has no share card, so
 * it shows the page's QR code (to scan from another phone or screenshot) and copies the link.
 */
export function ShareEvent({ title }: { title: string }) {
  const [open, setOpen] = useState(false);
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button className="btn-share" block openType="share">
        分享给微信好友
      </Button>
    );
  }
  return (
    <>
      <Button className="btn-share" block onClick={() => setOpen(!open)}>
        {open ? '收起分享' : '分享活动'}
      </Button>
      {open ? <BrowserShare title={title} /> : null}
    </>
  );
}

function BrowserShare({ title }: { title: string }) {
  const url = window.location.href;
  const src = useMemo(() => qrDataUrl(url, 'Byte'), [url]);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await Taro.setClipboardData({ data: `${title} ${url}` });
    setCopied(true);
  };
  return (
    <View className="share-panel">
      <Picture className="share-panel__qr share-qr" src={src} alt={`「${title}」页面二维码`} mode="aspectFit" />
      <Text className="share-panel__hint">用手机扫码或截图分享，朋友打开即可报名</Text>
      <Button className="btn-copy-link" size="small" onClick={() => void copy()}>
        {copied ? '链接已复制' : '复制链接'}
      </Button>
    </View>
  );
}
