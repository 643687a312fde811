import { z } from 'zod';
import { contract } from '../../shared/contract';
import type { Audience } from '../../shared/domain/roles';
import { callerOf } from '../support/authorization';
import { seedHierarchy, TestApp } from '../support/harness';

/**
 * Every action of the contract, called by every audience allowed to call it, with bodies that are wrong
 * in each way a script or a broken client can make them wrong: each field missing, null, of another type,
 * far too long, a huge array; an unknown key; a body that is not an object. Each must be answered with a
 * 400 that names the field at fault (or the body), never with a 5xx.
 */
const actions = Object.entries(contract).flatMap(([fn, specs]) =>
  Object.entries(specs).map(([action, spec]) => ({ fn, action, input: spec.input as z.ZodObject, roles: spec.roles as readonly Audience[] })),
);

const HUGE_TEXT = '字'.repeat(100_000);
const HUGE_ARRAY = Array.from({ length: 10_000 }, () => 'x');
const WRONG_TYPES: unknown[] = [12345, 'text', true, [], { nested: true }];

interface Case {
  what: string;
  body: unknown;
  /** Fields the answer must name (the body itself is '_'). */
  names: string[];
}

/** The malformed bodies for one input: only those its schema, made strict as the router makes it, refuses. */
function malformedBodies(input: z.ZodObject): Case[] {
  const strict = input.strict();
  const refuses = (body: unknown) => {
    try {
      return !strict.safeParse(body).success;
    } catch {
      return true; // a schema that throws is a refusal the router must still answer with 400
    }
  };
  const fieldRefuses = (field: string, value: unknown) => !(input.shape[field] as z.ZodType).safeParse(value).success;
  const fields = Object.keys(input.shape);
  const required = fields.filter((field) => fieldRefuses(field, undefined));
  const cases: Case[] = [
    { what: 'every field missing', body: {}, names: required },
    { what: 'a body that is a string', body: 'action', names: ['_'] },
    { what: 'a body that is an array', body: [1, 2], names: ['_'] },
    { what: 'an unknown key', body: { isAdmin: true }, names: ['isAdmin'] },
  ];
  for (const field of fields) {
    const bad = (what: string, value: unknown) => ({ what: `${field} ${what}`, body: { [field]: value }, names: fieldRefuses(field, value) ? [field] : [] });
    cases.push(bad('null', null), bad('very long', HUGE_TEXT), bad('a huge array', HUGE_ARRAY));
    for (const value of WRONG_TYPES) if (fieldRefuses(field, value)) cases.push(bad(`as ${JSON.stringify(value)}`, value));
  }
  return cases.filter((c) => refuses(c.body));
}

let app: TestApp;
let h: Awaited<ReturnType<typeof seedHierarchy>>;
beforeAll(async () => {
  app = new TestApp();
  h = await seedHierarchy(app);
});
afterAll(() => app.close());

const cases = actions.flatMap(({ fn, action, input, roles }) => roles.map((role) => ({ name: `${fn}.${action}`, fn, action, role, input })));

test.each(cases)('$name called by $role with malformed bodies: a 400 naming the field, never a 5xx', async ({ fn, action, role, input }) => {
  const problems: string[] = [];
  for (const { what, body, names } of malformedBodies(input)) {
    const answer = await app.call(fn as never, action as never, body as never, callerOf(role, h));
    if (answer.ok || answer.error.code !== 'INVALID_INPUT') {
      problems.push(`${what}: ${answer.ok ? 'accepted' : `${answer.error.code} ${answer.error.message}`}`);
      continue;
    }
    const named = Object.keys(answer.error.fields ?? {});
    const missing = names.filter((name) => !named.some((key) => key === name || key.startsWith(`${name}.`)));
    if (missing.length) problems.push(`${what}: fields ${JSON.stringify(named)} do not name ${missing.join(', ')}`);
  }
  expect(problems).toEqual([]);
});

test('a malformed body for every action was tried', () => {
  for (const { input } of actions) expect(malformedBodies(input).length).toBeGreaterThan(2);
});
