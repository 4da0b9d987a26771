// Compiles the integration suites (test/integration/**/*.ts, mocha suites that
// run inside VS Code's extension host) to out/test/integration/*.js, one file
// per source file: the extension host loads them with require(), `vscode` is
// provided by the host and mocha comes from the repo's node_modules.
// Shared by the code-server runner and run-electron.mjs.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const sourceDir = join(repoRoot, 'test', 'integration');
const outDir = join(repoRoot, 'out', 'test', 'integration');

function collect(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Compiles the suites; returns the absolute path of out/test/integration/index.js. */
export async function compileIntegrationSuites() {
  rmSync(outDir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: collect(sourceDir, []),
    outdir: outDir,
    outbase: sourceDir,
    bundle: false,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return join(outDir, 'index.js');
}
