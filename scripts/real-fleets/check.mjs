// Runs the built CLI on real public NixOS repositories and compares the machines
// it lists with the names read by hand (fleets.json), so every session measures
// real fleets the same way and a lost machine shows at once.
//
//   node scripts/real-fleets/check.mjs <folder> [--out <dir>] [--only <substr>]
//
// <folder> holds one extracted checkout per repository, named `<owner>+<name>`
// (README.md beside this file says how to get them). Nothing here fetches: the
// repositories are read where they are, and no check sends traffic anywhere.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', '..', 'dist', 'cli.js');
const args = process.argv.slice(2);
const folder = args.find((a, i) => !a.startsWith('--') && !['--out', '--only'].includes(args[i - 1]));
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
if (!folder) {
  console.error('usage: node scripts/real-fleets/check.mjs <folder of <owner>+<name> checkouts> [--out <dir>] [--only <substr>]');
  process.exit(2);
}
if (!existsSync(cli)) {
  console.error(`${cli} is missing: run \`npm run build\` first`);
  process.exit(2);
}
const out = flag('--out');
if (out) mkdirSync(out, { recursive: true });
const only = flag('--only');
const fleets = JSON.parse(readFileSync(join(here, 'fleets.json'), 'utf8'));

function run(argv) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...argv], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 300_000 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status, seconds };
}

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const rows = [];
let lost = 0;
for (const fleet of fleets) {
  const slug = fleet.repo.replace('/', '+');
  if (only && !slug.includes(only)) continue;
  const dir = join(folder, slug);
  if (!existsSync(dir)) {
    rows.push(`| ${fleet.repo}@${fleet.commit} | not extracted in ${folder} | | | | | |`);
    continue;
  }
  const machinesRun = run(['machines', dir, '--format', 'json']);
  const checkRun = run([dir, '--format', 'json']);
  if (out) {
    writeFileSync(join(out, `${slug}.machines.json`), machinesRun.stdout);
    writeFileSync(join(out, `${slug}.check.json`), checkRun.stdout);
  }
  const listed = parseJson(machinesRun.stdout);
  const findings = parseJson(checkRun.stdout) ?? [];
  if (!listed) {
    rows.push(`| ${fleet.repo}@${fleet.commit} | CLI failed (exit ${machinesRun.status}): ${machinesRun.stderr.trim().split('\n').pop() ?? ''} | | | | | |`);
    lost++;
    continue;
  }
  const machines = listed.machines.filter((m) => !m.base && !m.image);
  const found = new Set(machines.map((m) => m.name));
  const missing = fleet.machines.filter((n) => !found.has(n));
  const extra = [...found].filter((n) => !fleet.machines.includes(n) && !(fleet.notMachines ?? []).includes(n));
  lost += missing.length;
  const addresses = machines.reduce((n, m) => n + (m.addresses?.length ?? 0), 0);
  const modules = machines.reduce((n, m) => n + (m.moduleFiles?.length ?? 0), 0);
  const bySeverity = {};
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  const severities = ['error', 'warning', 'info', 'hint'].map((s) => bySeverity[s] ?? 0).join('/');
  const names = [missing.length ? `missing ${missing.join(', ')}` : '', extra.length ? `extra ${extra.join(', ')}` : ''].filter(Boolean).join('; ');
  rows.push(
    `| ${fleet.repo}@${fleet.commit} | ${fleet.machines.length - missing.length}/${fleet.machines.length}${names ? ` (${names})` : ''} | ${modules} | ${addresses} | ${listed.stopped.length} | ${severities} | ${machinesRun.seconds.toFixed(2)}/${checkRun.seconds.toFixed(2)} |`,
  );
}
console.log('| repo@commit | machines found/truth | module files | addresses | reading stops | findings e/w/i/h | s (machines/check) |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(lost ? `\n${lost} machine(s) of the hand-read truth not found` : '\nevery machine of the hand-read truth found');
process.exit(lost ? 1 : 0);
