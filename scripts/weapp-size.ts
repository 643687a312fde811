import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Prints the size of the mini-program's main package (everything in dist/weapp outside the
 * subpackage roots) and of each subpackage, against the 1 MB budget (WeChat's hard limit is 2 MB).
 */
const BUDGET = 1024 * 1024;
const root = join(__dirname, '..', 'dist', 'weapp');

function sizeOf(dir: string, skip: Set<string>): number {
  let total = 0;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (skip.has(relative(root, path))) continue;
    const stat = statSync(path);
    total += stat.isDirectory() ? sizeOf(path, skip) : stat.size;
  }
  return total;
}

const app = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
const main = sizeOf(root, new Set(subRoots));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

console.log(`weapp main package: ${kb(main)} of ${kb(BUDGET)} budget (${((main / BUDGET) * 100).toFixed(0)}%)`);
for (const sub of subRoots) console.log(`subpackage ${sub}: ${kb(sizeOf(join(root, sub), new Set()))}`);
if (main > BUDGET) {
  console.error('over budget');
  process.exit(1);
}
