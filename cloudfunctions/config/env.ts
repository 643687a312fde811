import { z } from 'zod';

/**
 * Environment parsing shared by the local host and the CloudBase entries. A variable set to the
 * empty string counts as unset (cloudbaserc.json templates render unset variables as "").
 */
export function optionalVar<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

export function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv, where: string): z.output<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration (${where}):\n${problems}`);
  }
  return parsed.data;
}
