// Runs every test file (`test/**/*.test.ts`) with Node's built-in test runner,
// TypeScript loaded through tsx. Node 20 does not expand globs itself, so the
// files are collected here. Extra arguments filter by path substring:
//   node test/run.mjs nix lsp      -> only files whose path contains "nix" or "lsp"
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const testDir = join(root, 'test');
const skipDirs = new Set(['fixtures', 'integration', '.tmp', 'node_modules']);

function collect(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!skipDirs.has(name)) collect(full, out);
    } else if (name.endsWith('.test.ts')) {
      out.push(full);
    }
  }
  return out;
}

const filters = process.argv.slice(2);
const files = collect(testDir, []).filter(
  (f) => filters.length === 0 || filters.some((s) => relative(root, f).includes(s)),
);
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
// The spec report goes to the terminal; a TAP copy is read back for the plain
// closing line `N passed, N failed` that CI recognises in any language.
mkdirSync(join(testDir, '.tmp'), { recursive: true });
const tapFile = join(testDir, '.tmp', `run-${process.pid}.tap`);
const result = spawnSync(
  process.execPath,
  [
    '--import', 'tsx', '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
    ...files,
  ],
  { stdio: 'inherit', cwd: root },
);
const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
const failed = count('fail') + count('cancelled');
const status = result.status ?? 1;
console.log(`\n${count('pass')} passed, ${failed + (status !== 0 && failed === 0 ? 1 : 0)} failed, ${count('skipped') + count('todo')} skipped`);
rmSync(tapFile, { force: true });
process.exit(status);
