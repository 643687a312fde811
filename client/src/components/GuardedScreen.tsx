import type { PropsWithChildren } from 'react';
import type { Guard } from '../hooks/useSession';
import { Notice } from './Notice';
import { Screen } from './Screen';

/** The denial an admin page shows an account of another role. */
export const ADMIN_ONLY = '当前身份无权访问管理后台';

/**
 * The frame of a page for some roles only (admin pages, the collective's own pages): what the page draws once
 * `useSignedIn({ audiences })` lets the account in (and while the session is being asked), or, in the page's
 * place, why it cannot be shown: the session could not be asked, or `denied` for an account of another role
 * (a page open to every signed-in account needs none).
 */
export function GuardedScreen({
  guard,
  title,
  className,
  denied,
  children,
}: PropsWithChildren<{ guard: Guard; title: string; className?: string; denied?: string }>) {
  if (guard.state === 'unreachable') return <Screen title={title}><Notice>{guard.message}</Notice></Screen>;
  if (guard.state === 'denied') return <Screen title={title}><Notice>{denied}</Notice></Screen>;
  return (
    <Screen title={title} className={className}>
      {children}
    </Screen>
  );
}
