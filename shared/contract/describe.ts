import { z } from 'zod';
import { contract } from './index';
import { strictInput, type ActionSpec } from './define';

/** The whole contract as JSON Schema, served at GET /api for integrators and tests. */
export function describeContract() {
  const functions: Record<string, { actions: Record<string, unknown> }> = {};
  for (const [fn, actions] of Object.entries(contract)) {
    functions[fn] = { actions: {} };
    for (const [name, spec] of Object.entries(actions as Record<string, ActionSpec>)) {
      functions[fn].actions[name] = {
        summary: spec.summary,
        input: z.toJSONSchema(strictInput(spec.input), { io: 'input', unrepresentable: 'any' }),
        output: z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }),
        roles: spec.roles,
      };
    }
  }
  return { functions };
}
