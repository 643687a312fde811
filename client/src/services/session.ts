import type { AccountView } from '../../../shared/contract';
import type { Envelope } from '../../../shared/envelope';
import type { ErrorBody } from '../../../shared/errors';
import { call, onRefusal, type CallInput, type CallResult } from './call';
import { clearToken, saveToken } from './token';

/**
 * Who is using the app. `unknown` until `account.me` answers at launch; `unreachable` when it could not be
 * asked (network fault) so pages do not mistake a fault for "signed out".
 */
export type SessionState =
  | { status: 'unknown' }
  | { status: 'unreachable'; error: ErrorBody }
  | { status: 'signedOut' }
  | { status: 'signedIn'; account: AccountView };

let state: SessionState = { status: 'unknown' };
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getSession(): SessionState {
  return state;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function signedOutLocally(): void {
  clearToken();
  setState({ status: 'signedOut' });
}

/** The server is the judge of a session: these answers end it here too. */
onRefusal((error) => {
  if (error.code === 'SESSION_EXPIRED' || error.code === 'UNAUTHENTICATED') {
    if (state.status !== 'signedOut') signedOutLocally();
  } else if (error.code === 'PASSWORD_CHANGE_REQUIRED' && state.status === 'signedIn') {
    setState({ status: 'signedIn', account: { ...state.account, mustChangePassword: true } });
  }
});

/** Asks the server who we are (at launch, and to retry after a fault). */
export async function refreshSession(): Promise<SessionState> {
  const result = await call('account', 'me', {});
  if (!result.ok) {
    if (state.status !== 'signedOut') setState({ status: 'unreachable', error: result.error });
  } else if (result.data.account) {
    setState({ status: 'signedIn', account: result.data.account });
  } else {
    signedOutLocally();
  }
  return state;
}

export async function signIn(input: CallInput<'account', 'signIn'>): Promise<CallResult<'account', 'signIn'>> {
  const result = await call('account', 'signIn', input);
  if (result.ok) {
    saveToken(result.data.token);
    setState({ status: 'signedIn', account: result.data.account });
  }
  return result;
}

/** Ends the session on the server (and unbinds this WeChat); the local token goes once the server agrees. */
export async function signOut(): Promise<CallResult<'account', 'signOut'>> {
  const result = await call('account', 'signOut', {});
  if (result.ok || result.error.code === 'SESSION_EXPIRED' || result.error.code === 'UNAUTHENTICATED') {
    signedOutLocally();
  }
  return result;
}

/** Changes the caller's password; the session then holds the account without `mustChangePassword`. */
export async function changePassword(
  input: CallInput<'account', 'changePassword'>,
): Promise<CallResult<'account', 'changePassword'>> {
  return keepAccount(await call('account', 'changePassword', input));
}

export async function setRecoveryEmail(
  input: CallInput<'account', 'setRecoveryEmail'>,
): Promise<CallResult<'account', 'setRecoveryEmail'>> {
  return keepAccount(await call('account', 'setRecoveryEmail', input));
}

function keepAccount<R extends Envelope<{ account: AccountView }>>(result: R): R {
  if (result.ok) setState({ status: 'signedIn', account: result.data.account });
  return result;
}
