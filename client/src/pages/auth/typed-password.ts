/**
 * The one-time password just typed at sign-in, handed to the forced password change so it is not asked for
 * twice. Memory only (never storage): gone on a reload, and taken at most once.
 */
let typed: string | null = null;

export function carryPassword(password: string): void {
  typed = password;
}

export function takeCarriedPassword(): string | null {
  const password = typed;
  typed = null;
  return password;
}
