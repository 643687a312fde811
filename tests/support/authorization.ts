import type { Audience } from '../../shared/domain/roles';
import type { Envelope } from '../../shared/envelope';
import type { Caller } from '../../cloudfunctions/app/context';
import type { seedHierarchy, SignedIn, TestApp } from './harness';

type Hierarchy = Awaited<ReturnType<typeof seedHierarchy>>;

/** One test case per cell of an authorization matrix: each row's action for each caller, with the outcome expected. */
export function matrixCases<Who extends string, Outcome extends string, Row extends { expect: Record<Who, Outcome> }>(
  matrix: Row[],
): Array<Row & { who: Who; outcome: Outcome }> {
  return matrix.flatMap((row) => (Object.entries(row.expect) as Array<[Who, Outcome]>).map(([who, outcome]) => ({ ...row, who, outcome })));
}

/** Runs `call` and checks its outcome: success, or that refusal with a message and the store left exactly as it was. */
export async function expectOutcome(app: TestApp, call: () => Promise<Envelope<unknown>>, outcome: string): Promise<void> {
  const before = await app.snapshot();
  const result = await call();
  if (outcome === 'ok') {
    expect(result).toMatchObject({ ok: true });
  } else {
    expect(result).toMatchObject({ ok: false, error: { code: outcome, message: expect.any(String) } });
    expect(await app.snapshot()).toEqual(before);
  }
}

/** A caller of each audience the contract names, from `seedHierarchy` (the public: nobody signed in). */
export function callerOf(audience: Audience, h: Hierarchy): Caller {
  const signedIn: Record<Exclude<Audience, 'public'>, SignedIn> = {
    office: h.office,
    admin1: h.admin1,
    admin2: h.admin2,
    admin3: h.admin3,
    collective: h.collective,
  };
  return audience === 'public' ? {} : signedIn[audience].caller;
}
