// Extension activation in the real VS Code of the end-to-end tests: opens the
// example homelab in code-server (driven by Debian's Chromium) a few times
// and reads the `activationMs` the extension reports of itself (the time its
// `activate` took on the extension host), plus how long the extension host
// had been up when activation was seen. Needs the code-server that `npm test`
// caches; without it the figure is n/a.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ensureCodeServer, runIntegrationSuites } from '../test/e2e/codeServer';
import { compileIntegrationSuites, repoRoot } from '../test/e2e/compile-integration.mjs';
import { homelabFolder } from '../test/e2e/ui';

export interface ActivationRuns {
  activationMs: number[];
  hostUptimeMs: number[];
  error?: string;
}

export async function measureActivation(runs: number): Promise<ActivationRuns> {
  const out: ActivationRuns = { activationMs: [], hostUptimeMs: [] };
  if (!existsSync(path.join(repoRoot, 'dist', 'extension.js'))) return { ...out, error: 'dist/extension.js is missing' };
  try {
    ensureCodeServer();
    const testsPath = await compileIntegrationSuites();
    for (let i = 0; i < runs; i++) {
      const run = await runIntegrationSuites({
        folder: homelabFolder(),
        testsPath,
        group: 'homelab',
        // Nothing may probe the example's 192.168.x addresses.
        settings: { 'homelab.reachability.enable': false, 'homelab.prometheus.url': '' },
        env: { ...(process.env as Record<string, string>), HOMELAB_E2E_GREP: 'activation on a homelab folder' },
        timeoutMs: 180_000,
      });
      const m = run.results?.metrics ?? {};
      if (run.exitCode !== 0 || typeof m.activationMs !== 'number') return { ...out, error: `the activation suite failed (exit ${run.exitCode}): ${run.output.slice(-5).join(' / ')}` };
      out.activationMs.push(m.activationMs);
      if (typeof m.activeAfterHostStartMs === 'number') out.hostUptimeMs.push(m.activeAfterHostStartMs);
    }
  } catch (e) {
    return { ...out, error: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
  return out;
}
