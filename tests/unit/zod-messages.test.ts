import { z } from 'zod';
import { contract } from '../../shared/contract';

const actions = Object.entries(contract).flatMap(([fn, specs]) =>
  Object.entries(specs).map(([action, spec]) => ({ name: `${fn}.${action}`, input: spec.input as z.ZodType })),
);

/** Values of every JSON type, for each top-level field in turn, plus bodies that are not objects at all. */
const WRONG_VALUES: unknown[] = [null, 12345, true, 'x'.repeat(3), [], [1, 2], { nested: 1 }];

function badBodies(input: z.ZodType): unknown[] {
  const shape = input instanceof z.ZodObject ? (input.shape as Record<string, unknown>) : {};
  const perField = Object.keys(shape).flatMap((field) => WRONG_VALUES.map((value) => ({ [field]: value })));
  return [null, 'text', 42, [], {}, ...perField];
}

const hasChinese = (message: string) => /[\u4e00-\u9fff]/.test(message);

describe('every message zod can give about an action input is Chinese', () => {
  test.each(actions)('$name', ({ input }) => {
    const english = new Set<string>();
    for (const body of badBodies(input)) {
      const parsed = input.safeParse(body);
      for (const issue of parsed.success ? [] : parsed.error.issues) if (!hasChinese(issue.message)) english.add(issue.message);
    }
    expect([...english]).toEqual([]);
  });

  test('also zod’s own default for a rule without a worded message, and for an unknown key', () => {
    const bare = z.strictObject({ n: z.number().int() });
    const messages = bare.safeParse({ n: 1.5, extra: true }).error!.issues.map((issue) => issue.message);
    expect(messages).toHaveLength(2);
    expect(messages.every(hasChinese)).toBe(true);
  });
});
