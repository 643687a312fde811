import type { RunningHost } from '../../cloudfunctions/local-host/main';
import { eventFields } from './openweek';

/**
 * Drives the local host over real HTTP as the clients do: the office issues a collective, the
 * collective publishes an event, visitors take visitor tokens and sign up with them in their header.
 */
export interface HttpAnswer {
  status: number;
  // Read loosely on purpose (`any`): these helpers drive the API; the contract and integration suites check shapes.
  body: { ok: boolean; data?: any; error?: { code: string; message: string } };
}

/**
 * Rate limits for a crowd that all comes from this one machine (the rush test, the signup and evaluation-submit
 * benchmarks): every visit, signup and evaluation still passes through the limiter and its counters, none is throttled.
 */
export const CROWD_FROM_ONE_ADDRESS = { RATE_VISITS_PER_IP: '1000000/1m', RATE_SIGNUPS_PER_IP: '1000000/1m', RATE_EVALUATIONS_PER_IP: '1000000/1m' };

export function client(url: string) {
  return async (fn: string, action: string, data: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> => {
    const response = await fetch(`${url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ action, data }),
    });
    return { status: response.status, body: await response.json() };
  };
}

export type Post = ReturnType<typeof client>;

export async function must(post: Post, fn: string, action: string, data: unknown, headers?: Record<string, string>) {
  const answer = await post(fn, action, data, headers);
  if (!answer.body.ok) throw new Error(`${fn}.${action}: ${answer.body.error?.code} ${answer.body.error?.message}`);
  return answer.body.data;
}

/** Signs in with a one-time password, replaces it, signs in again; answers the bearer header. */
export async function activate(post: Post, code: string, oneTimePassword: string): Promise<Record<string, string>> {
  const first = await must(post, 'account', 'signIn', { code, password: oneTimePassword });
  await must(post, 'account', 'changePassword', { oldPassword: oneTimePassword, newPassword: 'Passw0rd!' }, { authorization: `Bearer ${first.token}` });
  const again = await must(post, 'account', 'signIn', { code, password: 'Passw0rd!' });
  return { authorization: `Bearer ${again.token}` };
}

const offices = new WeakMap<RunningHost, Record<string, string>>();

/** The seeded office's bearer header, activated once per host. */
export async function officeHeaders(host: RunningHost): Promise<Record<string, string>> {
  if (!host.office) throw new Error('the host was started without the demo');
  const office = offices.get(host) ?? (await activate(client(host.url), host.office.code, host.office.oneTimePassword));
  offices.set(host, office);
  return office;
}

/** A new collective under 交通, its account, code and one-time password not yet used (the office is activated once per host). */
export async function issueCollective(host: RunningHost, name: string): Promise<{ accountId: string; code: string; oneTimePassword: string }> {
  const post = client(host.url);
  const office = await officeHeaders(host);
  const units = await must(post, 'admin', 'listUnits', {}, office);
  const transport = (units.items as Array<{ id: string; name: string }>).find((u) => u.name === '交通');
  const issued = await must(post, 'admin', 'createAccount', { unitId: transport!.id, role: 'collective', name }, office);
  return { accountId: issued.account.id, code: issued.account.code, oneTimePassword: issued.oneTimePassword };
}

/** A published event with `capacity` seats, open for signups now, by a new collective under 交通. */
export async function publishedEvent(host: RunningHost, capacity: number, title = '公交调度中心开放日') {
  const post = client(host.url);
  const issued = await issueCollective(host, `${title}主办集体`);
  const collective = await activate(post, issued.code, issued.oneTimePassword);
  const campaignId = (await must(post, 'openweek', 'filters', {})).campaigns[0].id as string;
  const draft = await must(post, 'openweek', 'createEvent', eventFields(Date.now(), campaignId, { title, capacity }), collective);
  await must(post, 'openweek', 'publishEvent', { eventId: draft.event.id }, collective);
  return { post, collective, eventId: draft.event.id as string };
}

/** `n` visitors, each with a visitor token the server issued. */
export async function visitors(post: Post, n: number): Promise<Array<Record<string, string>>> {
  return Promise.all(
    Array.from({ length: n }, async () => {
      const started = await must(post, 'openweek', 'startVisit', {});
      return { 'x-visitor-token': started.visitorToken as string };
    }),
  );
}

export function signUpBody(eventId: string, i: number) {
  return { eventId, name: `市民${i}`, phone: `138${String(i).padStart(8, '0')}`, privacyAccepted: true };
}
