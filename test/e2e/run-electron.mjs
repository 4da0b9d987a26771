// The integration suites of test/integration/ under @vscode/test-electron: the
// same mocha suites `npm test` runs in code-server, here in desktop VS Code
// (Electron) downloaded by @vscode/test-electron. For machines that can reach
// update.code.visualstudio.com (on Linux without a display, run it under
// xvfb-run). `npm run test:electron` builds first and then runs this.
//   HOMELAB_VSCODE_VERSION=1.91.0 npm run test:electron   (default: stable)
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileIntegrationSuites, repoRoot } from './compile-integration.mjs';

if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
  console.error('run-electron: dist/extension.js is missing; run "npm run build" first (npm run test:electron does).');
  process.exit(1);
}

const quiet = { 'homelab.reachability.enable': false, 'homelab.prometheus.url': '' };
/** One VS Code run per workspace the suites need (see test/integration/index.ts). */
const groups = [
  { group: 'homelab', folder: join(repoRoot, 'examples', 'homelab'), trust: false, settings: quiet },
  { group: 'empty', folder: join(repoRoot, 'test', 'fixtures', 'e2e', 'empty'), trust: false, settings: quiet },
  { group: 'broken', folder: join(repoRoot, 'examples', 'broken'), trust: false, settings: quiet },
  {
    group: 'untrusted', folder: join(repoRoot, 'examples', 'homelab'), trust: true,
    settings: { ...quiet, 'homelab.deploy.confirm': false, 'homelab.deploy.sshCommand': '/bin/echo' },
  },
];
const only = process.argv.slice(2);

const started = Date.now();
const extensionTestsPath = await compileIntegrationSuites();
const version = process.env.HOMELAB_VSCODE_VERSION || 'stable';
let vscodeExecutablePath;
try {
  vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: 30_000 });
} catch (error) {
  console.error(
    `run-electron: could not download VS Code ${version} (${error instanceof Error ? error.message : String(error)}).\n` +
    'This runner needs update.code.visualstudio.com. Where it cannot be reached, `npm test` runs the same suites\n' +
    'inside code-server (test/e2e/vscode.test.ts).',
  );
  process.exit(1);
}

let failed = 0;
for (const g of groups.filter((g) => only.length === 0 || only.includes(g.group))) {
  const home = mkdtempSync(join(tmpdir(), `homelab-electron-${g.group}-`));
  const userDataDir = join(home, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': g.trust,
    'workbench.startupEditor': 'none',
    ...g.settings,
  }, null, 2));
  try {
    console.log(`run-electron: ${g.group} suites on ${g.folder}`);
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      extensionTestsEnv: { HOMELAB_E2E_GROUP: g.group },
      launchArgs: [
        g.folder,
        '--user-data-dir', userDataDir,
        '--extensions-dir', join(home, 'extensions'),
        '--disable-extensions',
        '--skip-welcome',
        '--skip-release-notes',
        ...(g.trust ? [] : ['--disable-workspace-trust']),
      ],
    });
  } catch (error) {
    failed++;
    console.error(`run-electron: the ${g.group} suites failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
console.log(`run-electron: ${failed === 0 ? 'all suites passed' : `${failed} group(s) failed`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed === 0 ? 0 : 1);
