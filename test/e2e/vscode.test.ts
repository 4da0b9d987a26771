// The extension in a real VS Code (code-server + Chromium, see codeServer.ts):
// 1. the mocha integration suites of test/integration/ run inside the real
//    extension host, one run per workspace they need; every mocha test shows
//    up here as a test of its own and the mocha report is printed;
// 2. UI scenarios as a user meets them, driven with Playwright, with the
//    screenshots the README shows (docs/images/).
// Needs `npm run build` first (npm test does it); installs code-server on
// first use.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { compileIntegrationSuites, repoRoot } from './compile-integration.mjs';
import {
  ensureCodeServer, installExtension, launchBrowser, openWorkbench, runIntegrationSuites, startCodeServer, tempDir,
  type CodeServer, type SuiteRun,
} from './codeServer';
import { startSshd, type Sshd } from '../deploy/helpers/sshd';
import { createRemoteRepo } from '../deploy/helpers/remoteRepo';
import { startApiStandIn, SECRET, TOKEN_ID } from '../proxmox/helpers/apiStandIn';
import { createStandInCommands } from '../proxmox/helpers/standInCommands';
import { clusterFromInventory, DRIFTED, pointPveAt } from './proxmoxWorkspace';
import {
  closedPort, PCT_TEMPLATE, systemctlStandIn, writeDeployListWorkspace, writeDeployWorkspace, writeProxmoxSshWorkspace, writeReachabilityWorkspace,
} from './workspaces';
import { exampleCopy, homelabFolder, openFile, openHomelabView, runCommand, screenshot, settle, treeRows, waitForText } from './ui';

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
    const folder = exampleCopy(join(repoRoot, 'examples', 'broken'));
    assert.ok(existsSync(join(folder, 'expected.json')), 'examples/broken/expected.json is missing');
    const run = await runIntegrationSuites({ folder, testsPath, group: 'broken', settings: quietSettings });
    await report(t, run);
  });

  it('untrusted: the example homelab with Workspace Trust on and not granted', async (t) => {
    // No confirmation and a harmless "ssh": if the trust gate failed, the deploy
    // would visibly start (a terminal running echo) instead of reaching a host.
    const settings = { ...quietSettings, 'homelab.deploy.confirm': false, 'homelab.deploy.sshCommand': '/bin/echo' };
    // Host pve says to read Proxmox (an API on a closed loopback port): an untrusted folder must not even try.
    const folder = exampleCopy(join(repoRoot, 'examples', 'homelab'));
    pointPveAt(folder, 'https://127.0.0.1:1', TOKEN_ID, '00'.repeat(32).replace(/(..)(?=.)/g, '$1:'));
    const run = await runIntegrationSuites({ folder, testsPath, group: 'untrusted', trust: true, settings });
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
  let server: CodeServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    extensionsDir = tempDir('vsix-extensions');
    installExtension(packagedVsix(), extensionsDir);
    const installed = readdirSync(extensionsDir).filter((d) => d.startsWith('homelab-profiles.homelab-profiles-'));
    assert.equal(installed.length, 1, `the .vsix did not install: ${readdirSync(extensionsDir).join(', ')}`);
    server = await startCodeServer({ extensionsDir, settings: quietSettings });
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    if (extensionsDir) rmSync(extensionsDir, { recursive: true, force: true });
  });

  /** A fresh workbench page on `folder`; closed and, on failure, explained with the server log. */
  async function scenario(folder: string, body: (page: Page) => Promise<void>): Promise<void> {
    assert.ok(server && browser);
    const page = await openWorkbench(server, browser, folder);
    try {
      await body(page);
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      const shot = join(repoRoot, 'test', '.tmp', `failed-${Date.now()}.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      err.message += `\n(screenshot of the failure: ${shot})`;
      err.message += `\n--- code-server log (last 30 lines) ---\n${server.log().trimEnd().split('\n').slice(-30).join('\n')}`;
      throw err;
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  it('the Homelab view shows hosts and containers with their IPs', async () => {
    await scenario(homelabFolder(), async (page) => {
      await openHomelabView(page);
      const rows = await treeRows(page, ['pve', 'LXC_monitoring']);
      const text = rows.join('\n');
      assert.match(text, /pve[^\n]*192\.168\.8\.82/, `host pve with its IP not in the tree:\n${text}`);
      assert.match(text, /LXC_monitoring[^\n]*192\.168\.8\.85/, `container LXC_monitoring with its IP not in the tree:\n${text}`);
      // A container's profile opens from the tree.
      await page.locator('.part.sidebar .monaco-list-row', { hasText: 'LXC_monitoring' }).first().click();
      await page.locator('.tabs-container .tab', { hasText: 'LXC_monitoring-config.nix' }).waitFor({ timeout: 15_000 });
      await settle(page);
      await screenshot(page, 'tree.png');
    });
  });

  it('a colmena hive without inventory: the tree lists its machines by tag, with addresses and deploy targets', async () => {
    await scenario(exampleCopy(join(repoRoot, 'test', 'fixtures', 'fleets', 'colmena-hive')), async (page) => {
      await openHomelabView(page);
      // Every node is tagged `proxmox` first: one group of that name holds the three machines.
      // The error count arrives with the diagnostics, which may publish after the rows appear.
      const rows = await treeRows(page, ['proxmox', 'dns', 'monitor', /proxy[^\n]*1 error/]);
      const text = rows.join('\n');
      assert.match(text, /dns[^\n]*192\.168\.1\.53/, `machine dns with its address not in the tree:\n${text}`);
      assert.match(text, /proxy[^\n]*192\.168\.1\.70/, `machine proxy with its address not in the tree:\n${text}`);
      // Only proxy has an error (its deploy target is not its address); its siblings are clean.
      assert.match(text, /proxy[^\n]*1 error/, text);
      assert.doesNotMatch(text, /dns[^\n]*error/, text);
      // Expanded, a machine shows its deploy target and configuration file; a click opens the file.
      const proxy = page.locator('.part.sidebar .monaco-list-row', { hasText: /^\s*proxy/ }).first();
      await proxy.locator('.monaco-tl-twistie').click();
      const details = await treeRows(page, ['root@192.168.0.70', 'proxy/configuration.nix']);
      assert.ok(details.some((r) => r.includes('deploy: colmena')), details.join('\n'));
      await page.locator('.part.sidebar .monaco-list-row', { hasText: 'proxy/configuration.nix' }).first().click();
      await page.locator('.tabs-container .tab', { hasText: 'configuration.nix' }).waitFor({ timeout: 15_000 });
      await settle(page);
      await screenshot(page, 'fleet.png');
    });
  });

  it('flake-parts with its machines in imported module files: the tree lists every machine; one it cannot follow says where reading stopped', async () => {
    // Machines built in parts/machines.nix (readDir over hosts/), deploy-rs nodes from parts/deploy as a function of the flake's config.
    await scenario(exampleCopy(join(repoRoot, 'test', 'fixtures', 'fleets', 'flake-parts-modules')), async (page) => {
      await openHomelabView(page);
      const rows = await treeRows(page, [/dns[^\n]*192\.168\.40\.2/, /media[^\n]*192\.168\.40\.2/]);
      const text = rows.join('\n');
      assert.doesNotMatch(text, /No homelab found/, text);
      const dns = page.locator('.part.sidebar .monaco-list-row', { hasText: /^\s*dns/ }).first();
      await dns.locator('.monaco-tl-twistie').click();
      await treeRows(page, ['deploy@dns.lab.home.arpa', 'dns/default.nix']);
    });
    // Outputs built by an input's mkHosts: no machine, and the tree names each place reading stopped; a click opens it.
    await scenario(exampleCopy(join(repoRoot, 'test', 'fixtures', 'fleets', 'flake-parts-stopped')), async (page) => {
      await openHomelabView(page);
      const rows = await treeRows(page, [/reading stopped at parts\/hosts\.nix:5/, /mkHosts/, /reading stopped at flake\.nix:13/]);
      assert.ok(rows.some((r) => /What to do/.test(r)), rows.join('\n'));
      await page.locator('.part.sidebar .monaco-list-row', { hasText: 'parts/hosts.nix:5' }).first().click();
      await page.locator('.tabs-container .tab', { hasText: 'hosts.nix' }).waitFor({ timeout: 15_000 });
    });
  });

  it('every fleet layout (flake hosts, flake-parts, deploy-rs, Proxmox LXC): the tree lists its machines with their addresses', async () => {
    for (const layout of ['flake-hosts', 'flake-parts', 'deploy-rs', 'proxmox-lxc']) {
      const source = join(repoRoot, 'test', 'fixtures', 'fleets', layout);
      const expected = JSON.parse(readFileSync(join(source, 'expected.json'), 'utf8')) as { machines: { name: string; addresses: string[] }[] };
      await scenario(exampleCopy(source), async (page) => {
        await openHomelabView(page);
        // With an inventory its `ip` is what the tree shows (proxmox-lxc plants a wrong one); without, the configured address.
        const inventory = existsSync(join(source, 'homelab.yaml'));
        // A large flake's names may come first, marked "reading…": each row is awaited with its address.
        const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const rows = await treeRows(
          page,
          expected.machines.map((m) => new RegExp(`${escape(m.name)}[^\n]*${inventory ? '\\d+\\.\\d+\\.\\d+\\.\\d+' : escape(m.addresses[0])}`)),
        );
        const text = rows.join('\n');
        for (const m of expected.machines)
          assert.ok(
            rows.some((r) => r.includes(m.name) && (inventory ? /\d+\.\d+\.\d+\.\d+/.test(r) : r.includes(m.addresses[0]))),
            `${layout}: ${m.name} with its address not in the tree:\n${text}`,
          );
      });
    }
  });

  it('Proxmox live state through the API stand-in: token set from the palette, status in the tree, a drift diagnostic in the inventory', async () => {
    const folder = exampleCopy(join(repoRoot, 'examples', 'homelab'));
    const standIn = await startApiStandIn({ answers: clusterFromInventory(folder) });
    try {
      pointPveAt(folder, standIn.url, TOKEN_ID, standIn.cert.fingerprint);
      await scenario(folder, async (page) => {
        await openHomelabView(page);
        await treeRows(page, ['LXC_monitoring']);
        // No token yet: the host says why nothing is read.
        await treeRows(page, [/pve[^\n]*no API token set/]);
        await runCommand(page, 'Homelab: Set Proxmox API Token');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 15_000 });
        await input.fill(SECRET);
        await page.keyboard.press('Enter');
        // Read through the pinned certificate with the token: live status per container, the unmanaged guest.
        // (The host's row first: the list renders only the rows in view, and it may scroll as rows arrive.)
        await treeRows(page, [/pve[^\n]*live \d\d:\d\d/]);
        await treeRows(page, [/LXC_HOME[^\n]*running/, new RegExp(`${DRIFTED.stopped}[^\n]*stopped`), new RegExp(`${DRIFTED.unmanaged.vmid} ${DRIFTED.unmanaged.name}[^\n]*unmanaged`)]);
        // The drifted address is a diagnostic on the inventory, with both values.
        await openFile(page, 'homelab.yaml');
        await page.keyboard.press('Control+Shift+M');
        const filter = page.locator('.panel .viewpane-filter input').first();
        await filter.waitFor({ state: 'visible', timeout: 15_000 });
        await filter.fill(DRIFTED.liveAddress);
        const problem = page.locator('.markers-panel .monaco-list-row', { hasText: DRIFTED.liveAddress }).first();
        await problem.waitFor({ timeout: 30_000 });
        assert.match(await problem.innerText(), /proxmox-address-drift|192\.168\.8\.85/);
        await problem.click();
        await settle(page);
        await screenshot(page, 'proxmox.png');
      });
      // The token went only to the stand-in, and only as the PVEAPIToken header.
      assert.ok(standIn.requests.some((r) => r.authorization === `PVEAPIToken=${TOKEN_ID}=${SECRET}`));
    } finally {
      await standIn.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('New Container from the palette: the changes shown side by side and written, pct create run on the host over SSH (stand-in pct)', async () => {
    const stand = createStandInCommands();
    const sshd = await startSshd({ pathFirst: [stand.dir] });
    const folder = tempDir('new-container-workspace');
    try {
      writeProxmoxSshWorkspace(folder, sshd);
      await scenario(folder, async (page) => {
        await openHomelabView(page);
        // Read over SSH with the stand-in pvesh: the host's unmanaged guests show.
        await treeRows(page, ['LXC_e2e', /pve[^\n]*unmanaged/]);
        await runCommand(page, 'Homelab: New Container…');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 15_000 });
        await input.fill('LXC_new');
        await page.keyboard.press('Enter');
        // The services (none picked): OK.
        await page.locator('.quick-input-widget', { hasText: 'Services of LXC_new' }).waitFor({ timeout: 15_000 });
        await page.keyboard.press('Enter');
        // Nothing is written before the summary is confirmed; Show Changes puts every file beside what it would become.
        const ask = page.locator('.monaco-dialog-box', { hasText: /New Container LXC_new: write \d+ files\?/ });
        await ask.waitFor({ state: 'visible', timeout: 30_000 });
        assert.match(await ask.innerText(), /profiles\/LXC_new-config\.nix \(new\)[\s\S]*homelab\.yaml|homelab\.yaml[\s\S]*LXC_new-config\.nix \(new\)/);
        await ask.locator('.monaco-button', { hasText: /^Show Changes$/ }).click();
        await page.locator('.tabs-container .tab', { hasText: 'New Container LXC_new' }).waitFor({ timeout: 30_000 });
        await waitForText(page.locator('.monaco-workbench .editor-container').first(), /LXC_new/, 30_000);
        const write = page.locator('.notifications-toasts', { hasText: 'Write these changes for LXC_new?' });
        await write.waitFor({ timeout: 15_000 });
        await settle(page);
        await screenshot(page, 'new-container.png');
        await write.locator('.monaco-button', { hasText: /^Write Files$/ }).click();
        // Then the pct create line, confirmed, runs on the host.
        const dialog = page.locator('.monaco-dialog-box', { hasText: /Create container \d+ \(LXC_new\) on pve\?/ });
        await dialog.waitFor({ state: 'visible', timeout: 30_000 });
        assert.match(await dialog.innerText(), new RegExp(`pct create \\d+ ${PCT_TEMPLATE.replace(/[.]/g, '\\.')} --hostname`));
        await dialog.locator('.monaco-button', { hasText: /^Create Container$/ }).click();
        await page.locator('.notifications-toasts', { hasText: /Container \d+ \(LXC_new\) created on pve/ }).waitFor({ timeout: 60_000 });
      });
      const inventory = readFileSync(join(folder, 'homelab.yaml'), 'utf8');
      assert.match(inventory, /\n  LXC_new:\n    host: pve\n    vmid: \d+\n    ip: 127\.0\.0\.\d+/);
      assert.ok(existsSync(join(folder, 'profiles', 'LXC_new-config.nix')), 'the new profile was written');
      assert.doesNotMatch(inventory, /services: \[\]/, 'no empty services list for a container that runs none');
      const [call] = stand.pctCalls();
      const vmid = /vmid: (\d+)/.exec(inventory.slice(inventory.indexOf('LXC_new:')))?.[1];
      assert.deepEqual(call.slice(0, 3), ['create', vmid, PCT_TEMPLATE], `pct ran with ${call.join(' ')}`);
    } finally {
      await sshd.stop();
      stand.cleanup();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a mistake in a profile: squiggle, Problems entry and hover message', async () => {
    const message = /`sshPort` must be a whole number/;
    const folder = exampleCopy(join(repoRoot, 'examples', 'broken'));
    await scenario(folder, async (page) => {
      await openFile(page, 'LXC_mailer-config.nix');
      const squiggle = page.locator('.monaco-editor .squiggly-error').first();
      await squiggle.waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+Shift+M');
      // The homelab has many problems; the filter brings this one into view.
      const filter = page.locator('.panel .viewpane-filter input').first();
      await filter.waitFor({ state: 'visible', timeout: 15_000 });
      await filter.fill('sshPort');
      await page.locator('.markers-panel .monaco-list-row', { hasText: message }).first().waitFor({ timeout: 15_000 });
      // The hover is asked for with the keyboard at the mistake's own place: the first squiggle
      // on screen may be another problem, and a mouse hover vanishes if the layout moves under it.
      const source = readFileSync(join(folder, 'profiles', 'LXC_mailer-config.nix'), 'utf8').split('\n');
      const line = source.findIndex((l) => l.includes('sshPort = "22"'));
      assert.ok(line >= 0, 'sshPort = "22" is not in LXC_mailer-config.nix');
      const column = source[line].indexOf('"22"') + 2;
      const hover = page.locator('.monaco-hover', { hasText: message }).first();
      for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+G');
        await page.keyboard.type(`${line + 1}:${column}`);
        await page.keyboard.press('Enter');
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        try {
          await hover.waitFor({ state: 'visible', timeout: 10_000 });
          break;
        } catch (error) {
          if (attempt === 3) throw error;
          await page.keyboard.press('Escape');
        }
      }
      assert.match(await hover.innerText(), /setting-type/);
      await screenshot(page, 'problems.png');
    });
  });

  it('completion: typing grafanaEn in a profile offers grafanaEnable with its documentation', async () => {
    const folder = homelabFolder();
    const file = join(folder, 'profiles', 'LXC_mailer-config.nix');
    const lines = readFileSync(file, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('postfixRelayEnable = true;')) + 1;
    assert.ok(line > 0, 'postfixRelayEnable not in LXC_mailer-config.nix');
    await scenario(folder, async (page) => {
      await openFile(page, 'LXC_mailer-config.nix');
      await page.keyboard.press('Control+G');
      await page.keyboard.type(String(line));
      await page.keyboard.press('Enter');
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('grafanaEn', { delay: 30 });
      const suggest = page.locator('.editor-widget.suggest-widget');
      const item = suggest.locator('.monaco-list-row', { hasText: 'grafanaEnable' }).first();
      try {
        await item.waitFor({ state: 'visible', timeout: 10_000 });
      } catch {
        await page.keyboard.press('Control+Space');
        await item.waitFor({ state: 'visible', timeout: 15_000 });
      }
      const details = page.locator('.editor-widget.suggest-details-container, .suggest-details').first();
      if (!(await details.isVisible())) await page.keyboard.press('Control+Space');
      await page.locator('.suggest-details', { hasText: /Run Grafana/ }).first().waitFor({ state: 'visible', timeout: 15_000 });
      await screenshot(page, 'completion.png');
    });
  });

  it('deploy from F1 against a real sshd on 127.0.0.1: plan, confirmation, output, health checks, success summary', async () => {
    const standIn = systemctlStandIn('running');
    const sshd = await startSshd({ pathFirst: [standIn] });
    const repo = createRemoteRepo(sshd.user);
    const folder = tempDir('deploy-workspace');
    try {
      const dotfiles = repo.checkout('dotfiles-e2e');
      writeDeployWorkspace(folder, sshd, dotfiles);
      await scenario(folder, async (page) => {
        // The tree shows the container once the server has read the homelab.
        await openHomelabView(page);
        await treeRows(page, ['LXC_e2e']);
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 15_000 });
        await input.fill('>Homelab: Deploy Machine');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Homelab: Deploy Machine' }).first().waitFor({ timeout: 15_000 });
        await page.keyboard.press('Enter');
        // The container pick (several can be ticked): tick LXC_e2e, then OK.
        const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'LXC_e2e' }).first();
        await row.waitFor({ timeout: 30_000 });
        await row.click();
        await page.locator('.quick-input-widget .monaco-list-row input[type="checkbox"]:checked').first().waitFor({ state: 'attached', timeout: 5_000 })
          .catch(() => undefined);
        await page.keyboard.press('Enter');
        // The confirmation names the container and the exact command lines.
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor({ state: 'visible', timeout: 15_000 });
        const confirmation = await dialog.innerText();
        assert.match(confirmation, /Deploy LXC_e2e\?/);
        assert.match(confirmation, /ssh .*127\.0\.0\.1/);
        assert.match(confirmation, /install\.sh/);
        await dialog.locator('.monaco-button', { hasText: /^Deploy$/ }).click();
        // Success summary as a notification (health checked after the deploy), live output in the deploy terminal.
        await page.locator('.notifications-toasts', { hasText: 'Homelab deploy: deployed: LXC_e2e' }).waitFor({ timeout: 60_000 });
        const terminal = page.locator('.terminal-wrapper .xterm-rows').first();
        await terminal.waitFor({ state: 'visible', timeout: 15_000 });
        const shown = await waitForText(terminal, /LXC_e2e deployed/);
        assert.match(shown, /installed LXC_e2e/, `terminal:\n${shown}`);
        await settle(page);
        await screenshot(page, 'deploy.png');
      });
      // It really ran on the other side of ssh.
      assert.equal(readFileSync(join(repo.markers, 'LXC_e2e.args'), 'utf8').split('\n')[1], 'LXC_e2e');
    } finally {
      await sshd.stop();
      repo.cleanup();
      rmSync(folder, { recursive: true, force: true });
      rmSync(standIn, { recursive: true, force: true });
    }
  });

  it('a deploy list (profile-set fixture): its groups in the tree, base profiles not machines, Deploy runs the list\'s command at the first address that answers', async () => {
    const standIn = systemctlStandIn('running');
    const sshd = await startSshd({ pathFirst: [standIn] });
    const repo = createRemoteRepo(sshd.user);
    const folder = tempDir('deploy-list-workspace');
    try {
      writeDeployListWorkspace(folder, sshd, repo.checkout('dotfiles-e2e-list'));
      await scenario(folder, async (page) => {
        await openHomelabView(page);
        // The deploy list's groups; machines under them; the macOS machine and the guest VM (in no list) under Unassigned.
        const rows = await treeRows(page, ['Boxes', 'Desks', 'Roaming', 'ROAM_ONE', 'BOX_WEB', 'STUDIO_MAC']);
        const text = rows.join('\n');
        for (const base of ['BOX-base', 'ROAMING-base', 'MAC-base', 'SHED-base'])
          assert.ok(!rows.some((r) => r.startsWith(base)), `${base} is a base profile, not a machine:\n${text}`);
        // The tree probes ROAM_ONE's listed addresses and says which one answered (127.0.0.3 refuses).
        await treeRows(page, [/ROAM_ONE[^\n]*reachable via 127\.0\.0\.1/], 45_000);
        // Under a machine: its base profile (to open) and the addresses a deploy tries in order.
        // A probe's answer re-renders the row: expand through its twistie until it stays open.
        const roam = page.locator('.part.sidebar .monaco-list-row', { hasText: 'ROAM_ONE' }).first();
        for (let attempt = 0; attempt < 5 && (await roam.getAttribute('aria-expanded')) !== 'true'; attempt++) {
          await roam.locator('.monaco-tl-twistie').click();
          await page.waitForTimeout(300);
        }
        await treeRows(page, ['ROAMING-base.nix', /127\.0\.0\.3, 127\.0\.0\.1, roam-one\.tail/]);
        await settle(page);
        await screenshot(page, 'deploy-list-tree.png');

        await runCommand(page, 'Homelab: Deploy Machine');
        const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'ROAM_ONE' }).first();
        await row.waitFor({ timeout: 30_000 });
        await row.click();
        await page.keyboard.press('Enter');
        // 127.0.0.3 refused: the confirmation names 127.0.0.1 and the list's command.
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor({ state: 'visible', timeout: 30_000 });
        const confirmation = await dialog.innerText();
        assert.match(confirmation, /Deploy ROAM_ONE\?/);
        assert.match(confirmation, new RegExp(`ssh .*${sshd.user.name}@127\\.0\\.0\\.1`));
        assert.doesNotMatch(confirmation, /127\.0\.0\.3/);
        assert.match(confirmation, /install\.sh/);
        await dialog.locator('.monaco-button', { hasText: /^Deploy$/ }).click();
        await page.locator('.notifications-toasts', { hasText: 'Homelab deploy: deployed: ROAM_ONE' }).waitFor({ timeout: 60_000 });
      });
      // The list's command ran on the other side of ssh, with {PROFILE} as ROAM_ONE.
      assert.equal(readFileSync(join(repo.markers, 'ROAM_ONE.args'), 'utf8').split('\n')[1], 'ROAM_ONE');
    } finally {
      await sshd.stop();
      repo.cleanup();
      rmSync(folder, { recursive: true, force: true });
      rmSync(standIn, { recursive: true, force: true });
    }
  });

  it('reachability on for one workspace: the first probe runs when the machines arrive; an SSH banner is reachable, a silent port answers, not SSH', async () => {
    // Two listeners on one port of two loopback aliases: one greets like sshd, one accepts and says nothing.
    const sockets = new Set<Socket>();
    const hits = { banner: 0, silent: 0 };
    const listen = (server: Server, host: string, port: number): Promise<number> =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
      });
    const banner = createServer((s) => { hits.banner++; sockets.add(s); s.on('error', () => undefined); s.write('SSH-2.0-OpenSSH_9.2\r\n'); });
    const silent = createServer((s) => { hits.silent++; sockets.add(s); s.on('error', () => undefined); });
    const folder = tempDir('reachability-workspace');
    try {
      const port = await listen(banner, '127.0.0.61', 0);
      await listen(silent, '127.0.0.62', port);
      writeReachabilityWorkspace(folder, [
        { name: 'LXC_greets', ip: '127.0.0.61', vmid: 161 },
        { name: 'LXC_silent', ip: '127.0.0.62', vmid: 162 },
      ], port);
      await scenario(folder, async (page) => {
        await openHomelabView(page);
        // The interval is 300 s: these states can only come from the probe run when the machines arrived.
        const rows = await treeRows(page, [/LXC_greets[^\n]*127\.0\.0\.61 · reachable/, /LXC_silent[^\n]*127\.0\.0\.62 · answers, not SSH/], 20_000);
        const text = rows.join('\n');
        assert.doesNotMatch(text, /LXC_greets[^\n]*(no answer|not SSH)/, text);
        assert.doesNotMatch(text, /LXC_silent[^\n]*· reachable/, text);
      });
      // The tree's probes reached both listeners on the inventory's port (not 22).
      assert.ok(hits.banner > 0 && hits.silent > 0, `expected a probe at each listener, saw ${JSON.stringify(hits)}`);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((r) => banner.close(r));
      await new Promise((r) => silent.close(r));
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a deploy whose health check fails: the plan before, the failed check, the rollback asked for and run', async () => {
    const standIn = systemctlStandIn('running');
    const sshd = await startSshd({ pathFirst: [standIn] });
    const repo = createRemoteRepo(sshd.user);
    const folder = tempDir('deploy-health-workspace');
    const closed = await closedPort();
    try {
      const dotfiles = repo.checkout('dotfiles-e2e-health');
      // The container declares a service on a loopback port nobody listens on: its health check fails.
      writeDeployWorkspace(folder, sshd, dotfiles, { service: { name: 'dashboard', port: closed } });
      execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: folder });
      execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', '-c', 'commit.gpgsign=false', 'add', '-A'], { cwd: folder });
      execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'homelab'], { cwd: folder });
      // A change since the last commit: the plan shows it.
      const profile = join(folder, 'profiles', 'LXC_e2e-config.nix');
      writeFileSync(profile, readFileSync(profile, 'utf8').replace('hostname = "e2e";', 'hostname = "e2e";\n    allowedTCPPorts = [ 22 ];'));
      await scenario(folder, async (page) => {
        await openHomelabView(page);
        await treeRows(page, ['LXC_e2e']);
        await runCommand(page, 'Homelab: Show Deploy Plan');
        // The plan's own view: a webview (an iframe holding the page's iframe).
        const planPage = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
        const planText = await waitForText(planPage.locator('body'), /port opened[\s\S]*tcp\/22/);
        assert.match(planText, /Deploy plan — /);
        assert.match(planText, /closed\s*→\s*open/);
        await settle(page);
        await screenshot(page, 'plan.png');
        // A change's link opens its line in the profile.
        await planPage.locator('a.loc', { hasText: 'profiles/LXC_e2e-config.nix:' }).first().click();
        await page.locator('.tab.active', { hasText: 'LXC_e2e-config.nix' }).waitFor({ timeout: 15_000 });

        await runCommand(page, 'Homelab: Deploy Machine');
        const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'LXC_e2e' }).first();
        await row.waitFor({ timeout: 30_000 });
        await row.click();
        await page.keyboard.press('Enter');
        const dialog = page.locator('.monaco-dialog-box');
        await dialog.waitFor({ state: 'visible', timeout: 15_000 });
        const confirmation = await dialog.innerText();
        assert.match(confirmation, /What changes:[\s\S]*LXC_e2e: 1 change/);
        await dialog.locator('.monaco-button', { hasText: /^Deploy$/ }).click();
        // The health check of the dead port fails: the rollback is asked for (homelab.deploy.rollback: ask).
        const ask = page.locator('.monaco-dialog-box', { hasText: /failed its health checks/ });
        await ask.waitFor({ state: 'visible', timeout: 60_000 });
        assert.match(await ask.innerText(), new RegExp(`dashboard|${closed}`));
        await settle(page);
        await screenshot(page, 'health-rollback.png');
        await ask.locator('.monaco-button', { hasText: /^Roll Back$/ }).click();
        await page.locator('.notifications-toasts', { hasText: /Homelab deploy: failed: LXC_e2e \(health, rollback succeeded\)/ }).waitFor({ timeout: 60_000 });
        // The tree marks the machine's health.
        await treeRows(page, ['health failed']);
      });
      // The install ran twice on the other side: the deploy, then the rollback's run of the previous commit.
      const runs = readFileSync(join(repo.markers, 'LXC_e2e.args'), 'utf8');
      assert.match(runs, /LXC_e2e/);
    } finally {
      await sshd.stop();
      repo.cleanup();
      rmSync(folder, { recursive: true, force: true });
      rmSync(standIn, { recursive: true, force: true });
    }
  });
});
