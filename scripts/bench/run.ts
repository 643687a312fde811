import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run bench`: runs every scripts/bench/*.bench.ts in turn (or those whose name contains the
 * first argument) and lets each print its figures. Speed is measured here, never asserted in tests.
 */
async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
    .sort();
  if (files.length === 0) throw new Error(`no benchmark matches "${filter}"`);
  for (const file of files) {
    console.log(`\n=== ${file} ===`);
    const bench = (await import(join(__dirname, file))) as { run: () => Promise<void> };
    await bench.run();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
