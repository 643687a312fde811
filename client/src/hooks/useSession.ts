import { useEffect, useSyncExternalStore } from 'react';
import type { AccountView } from '../../../shared/contract';
import { audienceOf, type Audience } from '../../../shared/domain/roles';
import { getSession, subscribeSession, type SessionState } from '../services';
import { currentUrl, replace, ROUTES } from '../routes';

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}

export type Guard =
  /** Waiting for `account.me`, or on the way to another page. */
  | { state: 'pending' }
  /** `account.me` could not be asked. */
  | { state: 'unreachable'; message: string }
  /** Signed in, but this page is for other roles. */
  | { state: 'denied'; account: AccountView }
  | { state: 'ready'; account: AccountView };

/**
 * For pages that need a signed-in account. Sends the visitor to sign-in when the session is (or becomes)
 * signed out, and to change-password while the account still holds its one-time password.
 */
export function useSignedIn(options: { audiences?: readonly Audience[]; allowMustChange?: boolean } = {}): Guard {
  const session = useSession();
  const { audiences, allowMustChange = false } = options;

  const mustChange = session.status === 'signedIn' && session.account.mustChangePassword && !allowMustChange;
  useEffect(() => {
    if (session.status === 'signedOut') replace(ROUTES.signIn, { redirect: currentUrl() });
    else if (mustChange) replace(ROUTES.changePassword);
  }, [session.status, mustChange]);

  if (session.status === 'unreachable') return { state: 'unreachable', message: session.error.message };
  if (session.status !== 'signedIn' || mustChange) return { state: 'pending' };
  if (audiences && !audiences.includes(audienceOf(session.account))) {
    return { state: 'denied', account: session.account };
  }
  return { state: 'ready', account: session.account };
}
