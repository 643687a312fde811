import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { contract } from '../shared/contract';

/**
 * Bundles each cloud function of the contract into dist/functions/<name>/index.js with a
 * package.json and the config.json that grants its 云调用 permissions, ready for `tcb fn deploy`. The SDKs stay external: CloudBase installs them.
 */
const root = join(__dirname, '..');
const out = join(root, 'dist', 'functions');
const dependencies = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
/** Installed by CloudBase at deploy (installDependency): the data SDK, and the management SDK the unique-index check uses. */
const SDKS = ['@cloudbase/node-sdk', '@cloudbase/manager-node'];

async function main(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  // Every function of the contract, `jobs`, run by its timer trigger, and `mediacheck`, where WeChat pushes image verdicts.
  for (const name of [...Object.keys(contract), 'jobs', 'mediacheck']) {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    const result = await build({
      entryPoints: [join(root, 'cloudfunctions', name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      external: SDKS,
      metafile: true,
      logLevel: 'warning',
    });
    // 云调用 permissions: subscribe messages are sent from any function whose use case notifies someone; content checks and the user risk rank from those that take public text; mini-program codes for the QR poster.
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ permissions: { openapi: ['subscribeMessage.send', 'security.msgSecCheck', 'security.mediaCheckAsync', 'riskControl.getUserRiskRank', 'wxacode.getUnlimited'] } }, null, 2));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name, version: '1.0.0', private: true, main: 'index.js', dependencies: Object.fromEntries(SDKS.map((sdk) => [sdk, dependencies[sdk]])) }, null, 2),
    );
    const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    console.log(`${name}: ${(bytes / 1024).toFixed(0)} KB → ${dir}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
