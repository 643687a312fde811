/** Calls the local host's API as the client would (test setup only); a refusal fails the test with its message. */
export async function callApi<T>(url: string, fn: string, action: string, data: unknown, token?: string): Promise<T> {
  const response = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  });
  const body = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${fn}.${action}: ${body.error?.message}`);
  return body.data;
}

/** Signs in with a one-time password and sets `password`; answers a session token. */
export async function activateAccount(url: string, code: string, oneTimePassword: string, password: string): Promise<string> {
  const first = await callApi<{ token: string }>(url, 'account', 'signIn', { code, password: oneTimePassword });
  await callApi(url, 'account', 'changePassword', { oldPassword: oneTimePassword, newPassword: password }, first.token);
  return (await callApi<{ token: string }>(url, 'account', 'signIn', { code, password })).token;
}
