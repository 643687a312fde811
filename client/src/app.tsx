import '../../shared/zod-locale';
import type { PropsWithChildren } from 'react';
import { useLaunch, usePageNotFound } from '@tarojs/taro';
import { configure as configureIcons } from '@nutui/icons-react-taro';
import { z } from 'zod';
import { initTransport, refreshSession } from './services';
import { replace, ROUTES } from './routes';
import { installBrowserAccessibility } from './a11y';
import './theme.css';
import './app.css';

// The mini program forbids `new Function`; tell zod not to probe for it.
z.config({ jitless: true });

// NutUI icons render as <i>, which has no mini-program template (it would need @tarojs/plugin-html);
// a <view> carries the same masked-SVG style.
if (process.env.TARO_ENV === 'weapp') configureIcons({ tag: 'view' });

// Taro's H5 tab bar items are <a href="javascript:;">, a navigation the page's Content-Security-Policy
// refuses; the tab switch is done by Taro's own click handler, so only that no-op navigation is cancelled.
if (process.env.TARO_ENV === 'h5') {
  document.addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element | null)?.closest?.('a[href^="javascript:"]');
      if (link) event.preventDefault();
    },
    true,
  );
}

export default function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'h5') installBrowserAccessibility();
    initTransport();
    void refreshSession();
  });
  // An old share card or a mistyped address: a page that says so and leads home, not a blank screen.
  usePageNotFound(() => replace(ROUTES.notFound));
  return children;
}
