// Entry point of the integration suites inside VS Code's extension host (the
// `extensionTestsPath` of code-server's payload run and of @vscode/test-electron).
// Suites live in one folder per workspace they need: `homelab/` runs with the
// example homelab open, `empty/` with a folder that has no homelab, `untrusted/`
// with Workspace Trust on and the folder not trusted. HOMELAB_E2E_GROUP picks
// the folder (default `homelab`); HOMELAB_E2E_RESULTS, when set, names a JSON
// file that receives every test's result and the recorded metrics, so a runner
// outside the extension host can check them without parsing the report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { metrics } from './metrics';

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

export function run(): Promise<void> {
  const group = process.env.HOMELAB_E2E_GROUP || 'homelab';
  const grep = process.env.HOMELAB_E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  const dir = path.join(__dirname, group);
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort() : [];
  if (files.length === 0) return Promise.reject(new Error(`no integration suites in ${dir}`));
  for (const f of files) mocha.addFile(path.join(dir, f));

  const results: TestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const file = process.env.HOMELAB_E2E_RESULTS;
      if (file) fs.writeFileSync(file, JSON.stringify({ group, results, metrics }, null, 2));
      if (failures > 0) reject(new Error(`${failures} of ${results.length} integration tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('fail', (t, err: unknown) => {
      const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
      results.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration ?? 0, error: message });
    });
  });
}
