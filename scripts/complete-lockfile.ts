import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run lockfile:complete`, after any `npm install` on these machines: their registry mirror does not
 * serve other platforms' native binaries (e.g. @swc/core-darwin-arm64) nor NutUI's optional usage-stats
 * helper, so npm leaves them out of package-lock.json, and `npm ci` then refuses the lock as out of sync.
 * This records each missing optional package: npm skips the platform ones by os/cpu and tolerates the
 * optional fetch that fails; on a machine with the full registry they install as usual.
 */
interface LockEntry {
  version?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  resolved?: string;
  optionalDependencies?: Record<string, string>;
}

const path = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, LockEntry> };
const packages = lock.packages;
const PLATFORM = /-(darwin|linux|win32|freebsd|android)-(arm64|x64|ia32|arm|ppc64|s390x|riscv64)/;
const EXACT = /^\d+\.\d+\.\d+(-[\w.]+)?$/;

/** The entry npm would resolve `name` to from `parent`, walking up the node_modules folders. */
function resolveFrom(parent: string, name: string): LockEntry | undefined {
  let location = parent;
  for (;;) {
    const entry = packages[location ? `${location}/node_modules/${name}` : `node_modules/${name}`];
    if (entry || !location) return entry;
    const i = location.lastIndexOf('/node_modules/');
    location = i >= 0 ? location.slice(0, i) : '';
  }
}

const added: string[] = [];
for (const [parent, meta] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const exact = EXACT.test(spec);
    const found = resolveFrom(parent, name);
    // A dist-tag spec ("latest"): npm only checks that it came from a registry, so the entry needs its address
    // (a later `npm install` rewrites the placeholder without one, and `npm ci` then calls the lock out of sync).
    const registryUrl = `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-0.0.0.tgz`;
    if (found && !exact && !found.resolved && found.version === '0.0.0') {
      found.resolved = registryUrl;
      added.push(`${name} (its registry address restored)`);
      continue;
    }
    if (found && (!exact || found.version === spec)) continue;
    const key = parent ? `${parent}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[key]) continue;
    const entry: LockEntry = { version: exact ? spec : '0.0.0', optional: true };
    const platform = PLATFORM.exec(name);
    if (platform) Object.assign(entry, { os: [platform[1]], cpu: [platform[2]] });
    if (!exact) entry.resolved = registryUrl;
    packages[key] = entry;
    added.push(key);
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `recorded ${added.length} optional packages:\n  ${added.join('\n  ')}` : 'package-lock.json is complete');
