// The extension in a real VS Code (code-server + Chromium, see codeServer.ts):
// 1. the mocha integration suites of test/integration/ run inside the real
//    extension host, one run per workspace they need; every mocha test shows
//    up here as a test of its own and the mocha report is printed;
// 2. UI scenarios as a user meets them, driven with Playwright, with the
//    screenshots the README shows (docs/images/).
// Needs `npm run build` first (npm test does it); installs code-server on
// first use.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { compileIntegrationSuites, repoRoot } from './compile-integration.mjs';
import {
  ensureCodeServer, installExtension, openWorkbench, runIntegrationSuites, tempDir, withCodeServer, type SuiteRun,
} from './codeServer';
import { homelabFolder, screenshot, openHomelabView, treeRows } from './ui';

/** Settings for every run: nothing may probe the example's 192.168.x addresses. */
const quietSettings = { 'homelab.reachability.enable': false, 'homelab.prometheus.url': '' };

let testsPath = '';

before(async () => {
  assert.ok(existsSync(join(repoRoot, 'dist', 'extension.js')), 'dist/extension.js is missing: run "npm run build" first');
  ensureCodeServer();
  testsPath = await compileIntegrationSuites();
});

/** Reports each mocha test as a subtest and fails when the run failed. */
async function report(t: TestContext, run: SuiteRun): Promise<void> {
  console.log(run.output.filter((l) => !/^(Request to|Creating a socket|Resolv|getaddrinfo|    at )/.test(l)).join('\n'));
  const metrics = run.results?.metrics ?? {};
  console.log(`[e2e] ${run.results?.group} group: exit ${run.exitCode} in ${(run.durationMs / 1000).toFixed(1)} s; metrics ${JSON.stringify(metrics)}`);
  assert.ok(run.results, 'the suites wrote no results file (did index.ts run at all?)');
  assert.ok(run.results.results.length > 0, 'no mocha test ran');
  for (const r of run.results.results) {
    await t.test(r.title, () => {
      if (r.state === 'failed') assert.fail(r.error ?? 'failed');
    });
  }
  assert.equal(run.exitCode, 0, 'the mocha run inside VS Code failed');
}

describe('integration suites inside code-server', () => {
  it('homelab: the example homelab open', async (t) => {
    const run = await runIntegrationSuites({ folder: homelabFolder(), testsPath, group: 'homelab', settings: quietSettings });
    await report(t, run);
  });

  it('empty: a folder without a homelab', async (t) => {
    const folder = join(repoRoot, 'test', 'fixtures', 'e2e', 'empty');
    const run = await runIntegrationSuites({ folder, testsPath, group: 'empty', settings: quietSettings });
    await report(t, run);
  });

  it('broken: examples/broken and its expected diagnostics', async (t) => {
    const folder = join(repoRoot, 'examples', 'broken');
    assert.ok(existsSync(join(folder, 'expected.json')), 'examples/broken/expected.json is missing');
    const run = await runIntegrationSuites({ folder, testsPath, group: 'broken', settings: quietSettings });
    await report(t, run);
  });

  it('untrusted: the example homelab with Workspace Trust on and not granted', async (t) => {
    // No confirmation and a harmless "ssh": if the trust gate failed, the deploy
    // would visibly start (a terminal running echo) instead of reaching a host.
    const settings = { ...quietSettings, 'homelab.deploy.confirm': false, 'homelab.deploy.sshCommand': '/bin/echo' };
    const run = await runIntegrationSuites({ folder: homelabFolder(), testsPath, group: 'untrusted', trust: true, settings });
    await report(t, run);
  });
});

/** The packaged extension; packaged again when missing or older than the build. */
function packagedVsix(): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);
  const built = statSync(join(repoRoot, 'dist', 'extension.js')).mtimeMs;
  if (!existsSync(vsix) || statSync(vsix).mtimeMs < built) {
    // `npm run package` minus its build step: npm test has just built dist/,
    // and rebuilding it in the middle of the tests would race other test files.
    const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'package.mjs')], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, `packaging failed (scripts/package.mjs):\n${r.stdout}${r.stderr}`);
  }
  assert.ok(existsSync(vsix), `${vsix} was not produced`);
  return vsix;
}

describe('UI scenarios (packaged .vsix in code-server)', () => {
  let extensionsDir = '';

  before(() => {
    extensionsDir = tempDir('vsix-extensions');
    installExtension(packagedVsix(), extensionsDir);
    const installed = readdirSync(extensionsDir).filter((d) => d.startsWith('homelab-profiles.homelab-profiles-'));
    assert.equal(installed.length, 1, `the .vsix did not install: ${readdirSync(extensionsDir).join(', ')}`);
  });

  after(() => {
    if (extensionsDir) rmSync(extensionsDir, { recursive: true, force: true });
  });

  it('the Homelab view shows hosts and containers with their IPs', async () => {
    await withCodeServer({ extensionsDir, settings: quietSettings }, async (server, browser) => {
      const page = await openWorkbench(server, browser, homelabFolder());
      await openHomelabView(page);
      const rows = await treeRows(page, ['pve', 'LXC_monitoring']);
      const text = rows.join('\n');
      assert.match(text, /pve[^\n]*192\.168\.8\.82/, `host pve with its IP not in the tree:\n${text}`);
      assert.match(text, /LXC_monitoring[^\n]*192\.168\.8\.85/, `container LXC_monitoring with its IP not in the tree:\n${text}`);
      await screenshot(page, 'tree.png');
    });
  });
});
