// Packages the already-built extension into homelab-profiles-<version>.vsix with
// @vscode/vsce, offline. Everything the extension runs is bundled in dist/, so
// node_modules is not shipped (--no-dependencies). Prints the file and its size.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// `--out <file>` packages elsewhere (the tests do, to leave the work tree alone).
const outIndex = process.argv.indexOf('--out');
const vsix = outIndex > 0 ? process.argv[outIndex + 1] : `${manifest.name}-${manifest.version}.vsix`;

for (const built of ['dist/extension.js', 'dist/server.js', 'dist/serverMain.js', 'dist/cli.js']) {
  if (!existsSync(join(root, built))) {
    console.error(`${built} is missing: run "npm run build" first (npm run package does both).`);
    process.exit(1);
  }
}

const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
const result = spawnSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix],
  { cwd: root, stdio: 'inherit' },
);
if (result.status !== 0) process.exit(result.status ?? 1);
const size = statSync(resolve(root, vsix)).size;
console.log(`packaged ${vsix}: ${(size / 1024).toFixed(1)} KiB`);
