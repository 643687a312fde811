import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { configure as configureIcons } from '@nutui/icons-react-taro';
import { z } from 'zod';
import { initTransport, refreshSession } from './services';
import { installBrowserAccessibility } from './a11y';
import './theme.css';
import './app.css';

// The mini program forbids `new Function`; tell zod not to probe for it.
z.config({ jitless: true });

// NutUI icons render as <i>, which has no mini-program template (it would need @tarojs/plugin-html);
// a <view> carries the same masked-SVG style.
if (process.env.TARO_ENV === 'weapp') configureIcons({ tag: 'view' });

export default function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'h5') installBrowserAccessibility();
    initTransport();
    void refreshSession();
  });
  return children;
}
