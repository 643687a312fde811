import '../../shared/zod-locale';
import type { PropsWithChildren } from 'react';
import { useLaunch, usePageNotFound } from '@tarojs/taro';
import { configure as configureIcons } from '@nutui/icons-react-taro';
import { z } from 'zod';
import { initTransport, refreshSession } from './services';
import { replace, ROUTES } from './routes';
import './app.css';

// The mini program forbids `new Function`; tell zod not to probe for it.
z.config({ jitless: true });

// NutUI icons render as <i>, which has no mini-program template (it would need @tarojs/plugin-html);
// a <view> carries the same masked-SVG style.
if (process.env.TARO_ENV === 'weapp') configureIcons({ tag: 'view' });

export default function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initTransport();
    void refreshSession();
  });
  // An old share card or a mistyped address: a page that says so and leads home, not a blank screen.
  usePageNotFound(() => replace(ROUTES.notFound));
  return children;
}
