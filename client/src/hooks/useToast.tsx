import { useCallback, useState, type ReactElement } from 'react';
import { Toast } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/toast/style/css';

type Icon = 'success' | 'fail' | 'warn';

/** A page's toast: render `toast` once in the page, call `show` for short feedback after an action. */
export function useToast(): { toast: ReactElement; show: (content: string, icon?: Icon) => void } {
  const [state, setState] = useState<{ visible: boolean; content: string; icon?: Icon }>({ visible: false, content: '' });
  const show = useCallback((content: string, icon?: Icon) => setState({ visible: true, content, icon }), []);
  const toast = (
    <Toast
      className="page-toast"
      visible={state.visible}
      content={state.content}
      icon={state.icon}
      duration={2}
      onClose={() => setState((prev) => ({ ...prev, visible: false }))}
    />
  );
  return { toast, show };
}
