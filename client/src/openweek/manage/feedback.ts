import { useState } from 'react';
import type { Envelope } from '../../../../shared/envelope';

/** What a part of the manage page reports to the page: a toast, and "the event changed, load it again". */
export interface Feedback {
  show: (content: string, icon?: 'success' | 'fail') => void;
  refresh: () => void;
}

/** Runs one action of a part: busy while it runs, a toast of its outcome, and the page refreshed after a success. */
export function useRun({ show, refresh }: Feedback) {
  const [busy, setBusy] = useState(false);
  const run = async <T,>(action: () => Promise<Envelope<T>>, done: string): Promise<boolean> => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (result.ok) {
      show(done, 'success');
      refresh();
    } else show(result.error.message, 'fail');
    return result.ok;
  };
  return { busy, run };
}
