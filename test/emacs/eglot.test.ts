// A third real editor: Debian's Emacs 28 (`emacs-nox`) with Debian's eglot
// 1.9 and yaml-mode (installed by the pretest), in batch mode, with the
// README's Emacs configuration loaded as printed (extracted from README.md
// here, so the two cannot drift; `homelab-language-server` is a script on the
// PATH that runs this checkout's dist/server.js). The workspace is a copy of
// examples/broken in a plain folder (not a git repository), where Emacs 28's
// project.el alone would root the project at the file's folder.
// test/emacs/drive.el runs the steps and records what eglot and flymake show:
// start-up from a profile and (in a second Emacs) from homelab.yaml,
// diagnostics in both buffers, an edit producing a diagnostic, completion of a
// setting, hover, definition into lib/defaults.nix, a quick fix on a line
// with non-ASCII text, a setting rename across files and a file replaced on
// disk by a rename. Each test below asserts one step.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');
const example = path.join(repoRoot, 'examples', 'broken');
const serverBundle = path.join(repoRoot, 'dist', 'server.js');
const driver = path.join(__dirname, 'drive.el');
const RUN_TIMEOUT_MS = 120_000;

type Diag = [number, string | null, string];
type Step = { ok: boolean; error?: string; ms: number } & Record<string, any>;
interface Record_ {
  emacs: string;
  steps: Record<string, Step>;
  error?: string;
}

/** The README's Emacs 28 configuration block, as printed. */
export function readmeEmacsConfig(): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const from = readme.indexOf('Emacs 28 with eglot 1.9');
  assert.ok(from >= 0, 'README has an "Emacs 28 with eglot 1.9" section');
  const block = /```elisp\n([\s\S]*?)```/.exec(readme.slice(from));
  assert.ok(block, 'an elisp block follows it');
  return block[1];
}

function emacsVersion(): string {
  const r = spawnSync('emacs', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(
      '`emacs` is not available (' + (r.error?.message ?? `exit ${r.status}`) + '). These tests drive Emacs with eglot: install the Debian packages ' +
        '`emacs-nox elpa-eglot elpa-yaml-mode` (the pretest, scripts/setup-test-env.mjs, installs them when run as root).',
    );
  return r.stdout.split('\n')[0];
}

let tmp: string | undefined;
const runs = new Map<string, Promise<{ record: Record_; lab: string; output: string }>>();

/** One Emacs run (`profile`: the full run; `inventory`: start-up from homelab.yaml), on its own copy. */
function run(kind: 'profile' | 'inventory'): Promise<{ record: Record_; lab: string; output: string }> {
  let running = runs.get(kind);
  if (!running) {
    running = (async () => {
      const version = emacsVersion();
      if (!existsSync(serverBundle)) throw new Error(`${serverBundle} is missing: run \`npm run build\` first`);
      tmp ??= mkdtempSync(path.join(tmpdir(), 'homelab-emacs-'));
      const dir = path.join(tmp, kind);
      const lab = path.join(dir, 'lab');
      const home = path.join(dir, 'home');
      const bin = path.join(dir, 'bin');
      cpSync(example, lab, { recursive: true });
      for (const d of [home, bin]) mkdirSync(d, { recursive: true });
      const launcher = path.join(bin, 'homelab-language-server');
      writeFileSync(launcher, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(serverBundle)} --stdio "$@"\n`);
      chmodSync(launcher, 0o755);
      const config = path.join(dir, 'readme-config.el');
      writeFileSync(config, readmeEmacsConfig());
      const out = path.join(dir, 'record.json');
      const child = spawn('emacs', ['--batch', '-l', driver], {
        cwd: lab,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          HOME: home, // nothing of the developer's Emacs is read
          PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
          HOMELAB_EMACS_ROOT: lab,
          HOMELAB_EMACS_CONFIG: config,
          HOMELAB_EMACS_OUT: out,
          HOMELAB_EMACS_RUN: kind,
        },
      });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
      const killGroup = (): void => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      };
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup();
      }, RUN_TIMEOUT_MS);
      const status = await new Promise<number | null>((resolve) => {
        child.on('error', (e) => {
          output += `\n${e.message}`;
          resolve(null);
        });
        child.on('exit', (code) => resolve(code));
      });
      clearTimeout(timer);
      killGroup();
      if (timedOut) throw new Error(`Emacs did not finish within ${RUN_TIMEOUT_MS / 1000} s and was killed; its output:\n${output}`);
      if (!existsSync(out)) throw new Error(`Emacs (${version}) exited with ${status} without writing its record; its output:\n${output}`);
      const record = JSON.parse(readFileSync(out, 'utf8')) as Record_;
      if (record.error) throw new Error(`drive.el failed outside the steps: ${record.error}\n${output}`);
      return { record, lab, output };
    })();
    runs.set(kind, running);
  }
  return running;
}

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const show = (v: unknown): string => JSON.stringify(v, null, 1);

async function step(kind: 'profile' | 'inventory', name: string): Promise<Step & { lab: string }> {
  const { record, lab, output } = await run(kind);
  const s = record.steps[name];
  assert.ok(s, `step ${name} did not run; record: ${show(record)}\n${output}`);
  assert.equal(s.ok, true, `step ${name} failed: ${s.error}\nrecorded: ${show(s)}\n${output.slice(-3000)}`);
  return { ...s, lab };
}

const original = (rel: string): string => readFileSync(path.join(example, rel), 'utf8');
const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));
const codes = (ds: Diag[]): string[] => ds.map((d) => `${d[0]}:${d[1]}`);

/** The inventory's problems as the CLI counts them (the same server code, no editor). */
function inventoryProblemCount(): number {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), example], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => /homelab\.yaml:\d+:\d+ /.test(l)).length;
}

test('start-up from a profile in a plain folder: the project is the homelab root (the README finds it by its markers), diagnostics in the buffer', async () => {
  const s = await step('profile', 'startupProfile');
  assert.equal(s.mode, 'nix-mode');
  assert.equal(s.root, s.lab + '/', 'the server runs on the homelab root, not on profiles/');
  const plane = original('profiles/LXC_plane-config.nix');
  assert.ok(codes(s.diagnostics).includes(`${lineOf(plane, 'dockerEnabel = true;')}:unknown-setting`), show(s.diagnostics));
  assert.ok(codes(s.diagnostics).includes(`${lineOf(plane, 'hostname = "plane";')}:inventory-profile-mismatch`), show(s.diagnostics));
});

test('homelab.yaml opened after the first check shows all of its problems (diagnostics re-published on open)', async () => {
  const s = await step('profile', 'inventory');
  assert.equal(s.sameServer, true, 'the inventory joins the running server');
  assert.equal(s.diagnostics.length, inventoryProblemCount(), show(s.diagnostics));
  assert.ok(codes(s.diagnostics).includes(`${lineOf(original('homelab.yaml'), 'jellyfim')}:unknown-reference`), show(s.diagnostics));
});

test('start-up from homelab.yaml in a fresh Emacs: the root and every problem of the inventory', async () => {
  const s = await step('inventory', 'startupInventory');
  assert.equal(s.mode, 'yaml-mode');
  assert.equal(s.root, s.lab + '/');
  assert.equal(s.diagnostics.length, inventoryProblemCount(), show(s.diagnostics));
});

test('an edit producing a diagnostic: a misspelt setting typed into the buffer gets unknown-setting on its line', async () => {
  const s = await step('profile', 'edit');
  const d = (s.diagnostics as Diag[]).find((x) => x[0] === s.line && x[1] === 'unknown-setting');
  assert.ok(d, show(s.diagnostics));
  assert.match(d[2], /grafanaEnabel[\s\S]*grafanaEnable/);
});

test('completion of a setting through eglot\'s capf: `grafanaEn` becomes `grafanaEnable = true;`', async () => {
  const s = await step('profile', 'completion');
  assert.ok(s.candidates.includes('grafanaEnable'), show(s.candidates));
  assert.equal(s.chosen, true);
  assert.equal(s.text, '    grafanaEnable = true;');
});

test('hover in plain text (no markdown-mode): the setting, its documentation, default and effective value, no Markdown marks', async () => {
  const s = await step('profile', 'hover');
  const text = String(s.text);
  assert.match(text, /^grafanaEnable · systemSettings/);
  assert.match(text, /Run Grafana\./);
  assert.match(text, /Default: false/);
  assert.match(text, /Effective value: true/);
  assert.doesNotMatch(text, /\*\*|`/, text);
});

test('a file replaced on disk by a rename (mv over it): the open buffers follow', async () => {
  const s = await step('profile', 'diskChange');
  assert.equal(s.before, true, 'the plane profile shows its unknown setting first');
  assert.equal(s.goneAfterReplace, true, 'lib/defaults.nix replaced with one declaring it: the diagnostic goes');
  assert.equal(s.backAfterRestore, true, 'the original put back by a rename: it comes back');
});

test('definition: a setting in a profile → its declaration in lib/defaults.nix', async () => {
  const s = await step('profile', 'definition');
  assert.equal(s.file, path.join(s.lab, 'lib', 'defaults.nix'));
  assert.equal(s.line, lineOf(original('lib/defaults.nix'), '    grafanaEnable = false;'));
  assert.equal(s.text, '    grafanaEnable = false;');
});

test('a quick fix on a line with non-ASCII text replaces exactly the misspelt name (whole line compared)', async () => {
  const s = await step('profile', 'quickFix');
  assert.ok(s.titles.includes('Replace with `grafanaEnable`'), show(s.titles));
  assert.equal(s.text, '    /* ◉🏠 */ grafanaEnable = true;');
});

test('a setting renamed in lib/defaults.nix is renamed in the profile that sets it and the module that reads it', async () => {
  const s = await step('profile', 'rename');
  for (const rel of ['lib/defaults.nix', 'profiles/LXC_monitoring-config.nix', 'system/app/monitoring.nix'])
    assert.equal(s.files[rel], original(rel).replace(/\bgrafanaEnable\b/g, 'grafanaOn'), rel);
});
