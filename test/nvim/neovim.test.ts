// A second real editor: Debian's Neovim (0.7, installed by the pretest as the
// `neovim` package) drives `node dist/server.js --stdio` with its built-in LSP
// client, headless, through test/nvim/drive.lua: start-up, diagnostics after
// an edit, a change on disk to an unopened profile, completion of a setting
// and of an address in a profile and in the inventory (through Neovim's own
// `vim.lsp.omnifunc`), hover, definition (also where a module reads a setting),
// a quick fix on a line with non-ASCII text (through
// `vim.lsp.buf.code_action`, which sends diagnostics back in byte columns) and
// a setting rename (through `vim.lsp.buf.rename`). Neovim runs once, on a copy
// of examples/homelab, without any user configuration; the script records
// what each step saw and every test below asserts one step, comparing whole
// buffer texts where the step changes text.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');
const example = path.join(repoRoot, 'examples', 'homelab');
const serverBundle = path.join(repoRoot, 'dist', 'server.js');
const driver = path.join(__dirname, 'drive.lua');
/** The whole Neovim run (the script bounds each of its waits well below this). */
const RUN_TIMEOUT_MS = 75_000;

interface Pos {
  line: number;
  character: number;
}
interface Range {
  start: Pos;
  end: Pos;
}
interface Diag {
  range: Range;
  code?: string | number;
  message: string;
}
interface Item {
  label: string;
  filterText?: string;
  insertText?: string;
  insertTextFormat?: number;
  textEdit?: { range: Range; newText: string };
  detail?: string;
}
/** One step of drive.lua: `ok` false when it threw (`error` holds the Lua traceback). */
type Step = { ok: boolean; error?: string; ms: number } & Record<string, any>;
interface Record_ {
  nvim: { major: number; minor: number; patch: number };
  /** The homelab copy Neovim worked on. */
  root: string;
  steps: Record<string, Step>;
  published: number;
  error?: string;
  serverExit?: { code: number; signal: number; during: string };
}
interface Run {
  record: Record_;
  /** Neovim's own output and the tail of its LSP log, for failure messages. */
  output: string;
}

let tmp: string | undefined;
let running: Promise<Run> | undefined;

const original = (rel: string): string => readFileSync(path.join(example, rel), 'utf8');

function nvimVersion(): string {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(
      '`nvim` is not available (' + (r.error?.message ?? `exit ${r.status}`) + '). These tests drive Neovim: install the Debian package `neovim` ' +
        '(`apt-get install -y neovim`; the pretest, scripts/setup-test-env.mjs, installs it when run as root).',
    );
  return r.stdout.split('\n')[0];
}

/** Runs Neovim once (shared by every test); a hung run is killed with its process group. */
function run(): Promise<Run> {
  running ??= (async (): Promise<Run> => {
    const version = nvimVersion();
    const m = /NVIM v(\d+)\.(\d+)/.exec(version);
    if (!m || (Number(m[1]) === 0 && Number(m[2]) < 7)) throw new Error(`Neovim 0.7 or newer is needed (Debian's \`neovim\`), found: ${version}`);
    if (!existsSync(serverBundle)) throw new Error(`${serverBundle} is missing: run \`npm run build\` first`);
    tmp = mkdtempSync(path.join(tmpdir(), 'homelab-nvim-'));
    const lab = path.join(tmp, 'lab');
    const xdg = path.join(tmp, 'xdg');
    cpSync(example, lab, { recursive: true });
    mkdirSync(xdg);
    const out = path.join(tmp, 'record.json');
    const escaped = driver.replace(/([ \\%#|"])/g, '\\$1');
    const child = spawn('nvim', ['--headless', '--clean', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${escaped}`], {
      cwd: tmp,
      detached: true, // its own process group: the server it starts goes with it
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // Nothing of the developer's Neovim (config, state, logs) is read or written.
        XDG_CONFIG_HOME: xdg,
        XDG_DATA_HOME: xdg,
        XDG_STATE_HOME: xdg,
        XDG_CACHE_HOME: xdg,
        NVIM_LOG_FILE: path.join(xdg, 'nvim.log'),
        HOMELAB_NVIM_ROOT: lab,
        HOMELAB_NVIM_NODE: process.execPath,
        HOMELAB_NVIM_SERVER: serverBundle,
        HOMELAB_NVIM_OUT: out,
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
    killGroup(); // a server left behind, if any
    const lspLog = path.join(xdg, 'nvim', 'lsp.log');
    if (existsSync(lspLog)) output += `\n--- lsp.log (tail) ---\n${readFileSync(lspLog, 'utf8').split('\n').slice(-40).join('\n')}`;
    if (timedOut) throw new Error(`Neovim did not finish within ${RUN_TIMEOUT_MS / 1000} s and was killed; its output:\n${output}`);
    if (!existsSync(out)) throw new Error(`Neovim (${version}) exited with ${status} without writing its record; its output:\n${output}`);
    const record = JSON.parse(readFileSync(out, 'utf8')) as Record_;
    if (record.error) throw new Error(`drive.lua failed outside the steps: ${record.error}\n${output}`);
    return { record, output };
  })();
  return running;
}

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const show = (v: unknown): string => JSON.stringify(v, null, 1);

/** The step's record; fails with its Lua error when the step threw. */
async function step(name: string): Promise<Step> {
  const { record, output } = await run();
  const s = record.steps[name];
  assert.ok(s, `step ${name} did not run; record: ${show(record)}\n${output}`);
  const exit = record.serverExit && record.serverExit.during !== 'shutdown' ? `\nthe server exited during step ${record.serverExit.during}: ${show(record.serverExit)}\n${output}` : '';
  assert.equal(s.ok, true, `step ${name} threw: ${s.error}\nrecorded: ${show({ ...s, error: undefined })}${exit}`);
  return s;
}

/** `text` with `line` (0-based) inserted before line `at`. */
function insertLine(text: string, at: number, line: string): string {
  const lines = text.split('\n');
  lines.splice(at, 0, line);
  return lines.join('\n');
}

/** `text` with line `at` (0-based) replaced. */
function replaceLine(text: string, at: number, line: string): string {
  const lines = text.split('\n');
  lines[at] = line;
  return lines.join('\n');
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));

const MAILER = 'profiles/LXC_mailer-config.nix';
const PROXY = 'profiles/LXC_proxy-config.nix';

test('start-up: the client initializes on the homelab and the clean profile gets no diagnostics', async () => {
  const s = await step('startup');
  assert.equal(s.initialized, true, 'initialize answered');
  assert.equal(s.offsetEncoding, 'utf-16');
  assert.equal(s.filetype, 'nix', 'the buffer is a nix buffer (languageId nix)');
  assert.equal(s.progressEnded || s.mailer.length > 0, true, `the server finished starting (progress end or diagnostics); progress: ${show(s.progress)}`);
  for (const set of s.mailer as Diag[][]) assert.deepEqual(set, [], `diagnostics published for the clean ${MAILER}`);
  assert.deepEqual(s.nonEmpty, [], 'the example homelab is clean: no diagnostics for any file at start-up');
});

test('diagnostics after an edit: a misspelt setting typed into the buffer gets unknown-setting on its line', async () => {
  const s = await step('diagnostics');
  assert.equal(s.text, insertLine(original(MAILER), lineOf(original(MAILER), 'uptimeKumaEnable = true;') + 1, '    grafanaEnabel = true;'));
  const d = s.found as Diag | null;
  assert.ok(d, `no unknown-setting diagnostic on line ${s.line}; publications seen: ${show(s.seen)}`);
  assert.deepEqual(d.range, { start: { line: s.line, character: 4 }, end: { line: s.line, character: 4 + 'grafanaEnabel'.length } });
  assert.match(d.message, /grafanaEnabel[\s\S]*grafanaEnable/);
});

test('a change on disk to an unopened profile is checked and published (and its repair clears it)', async () => {
  const s = await step('diskChange');
  assert.equal(s.opened, false, 'the profile is not open in Neovim');
  const d = s.found as Diag | null;
  assert.ok(d, `no diagnostics published for profiles/LXC_plane-config.nix within 10 s of writing a misspelt setting to it; publications seen: ${show(s.seen)}`);
  assert.equal(d.range.start.line, s.line);
  assert.equal(s.clearedAfterRestore, true, 'writing the file back clears the diagnostic');
});

test('completion of a setting (snippetSupport false): plain text, `grafanaEn` becomes `grafanaEnable = true;`', async () => {
  const s = await step('completeSetting');
  const item = s.item as Item | null;
  assert.ok(item, `grafanaEnable not offered; first items: ${show(s.first)}`);
  assert.notEqual(item.insertTextFormat, 2, `a snippet sent to a client without snippetSupport: ${show(item)}`);
  const expectedLine = '    grafanaEnable = true;';
  assert.equal(s.lspLine, expectedLine, `the item's textEdit applied: ${show(item)}`);
  const expected = insertLine(original(MAILER), s.line, expectedLine);
  assert.equal(s.nvimText, expected, `Neovim's omnifunc (start column ${s.nvimStartcol}, word ${show(s.nvimWord)}) left: ${show(s.nvimLine)}`);
});

test('completion of an address after `ipAddress = "192.168.8.`: one well-formed address, in Neovim as by the textEdit', async () => {
  const s = await step('completeIp');
  const first = (s.first as Item[])[0];
  assert.ok(first, 'no address offered');
  assert.match(first.label, /^192\.168\.8\.\d{1,3}$/);
  const wellFormed = /^ {4}ipAddress = "(192\.168\.8\.\d{1,3})("|";)?$/;
  for (const [who, line] of [['the first item\'s textEdit', s.lspLine], ['Neovim\'s omnifunc', s.nvimLine]] as const) {
    const m = wellFormed.exec(line ?? '');
    assert.ok(m, `${who} gave ${show(line)} (typed ${show(s.typed)}; first items ${show(s.first)}; Neovim words ${show(s.nvimWords)}, start column ${s.nvimStartcol})`);
    assert.equal(m[1], first.label, `${who} inserted the first item`);
  }
  const ipLine = lineOf(original(MAILER), 'ipAddress = "192.168.8.89";');
  assert.equal(s.nvimText, replaceLine(original(MAILER), ipLine, s.nvimLine), 'nothing else in the buffer changed');
});

test('completion of an address in the inventory after `ip: 192.168.8.`: one well-formed address, in Neovim as by the textEdit', async () => {
  const s = await step('completeIpInventory');
  const first = (s.first as Item[])[0];
  assert.ok(first, `no address offered (${s.count} items)`);
  assert.match(first.label, /^192\.168\.8\.\d{1,3}$/);
  const te = first.textEdit as { range: Range; newText: string };
  // The edit covers exactly the typed prefix it continues: what it replaces plus its text is the address.
  assert.equal(te.range.start.line, s.line);
  assert.equal(s.typed.slice(0, te.range.start.character) + te.newText, `    ip: ${first.label}`, show(first));
  const wellFormed = /^ {4}ip: (192\.168\.8\.\d{1,3})$/;
  for (const [who, line] of [["the first item's textEdit", s.lspLine], ["Neovim's omnifunc", s.nvimLine]] as const) {
    const m = wellFormed.exec(line ?? '');
    assert.ok(m, `${who} gave ${show(line)} (typed ${show(s.typed)}; filetype ${s.filetype}, iskeyword ${s.iskeyword}; first items ${show(s.first)}; Neovim words ${show(s.nvimWords)}, start column ${s.nvimStartcol})`);
    assert.equal(m[1], first.label, `${who} inserted the first item`);
  }
  const inventory = original('homelab.yaml');
  assert.equal(s.nvimText, replaceLine(inventory, lineOf(inventory, 'ip: 192.168.8.102'), s.nvimLine), 'nothing else in the buffer changed');
});

test('hover on a setting: its documentation, type, default and effective value', async () => {
  const s = await step('hover');
  assert.equal(s.err, null, show(s.err));
  const md = String(s.markdown);
  assert.match(md, /grafanaEnable/, md);
  assert.match(md, /Run Grafana\./, md);
  assert.match(md, /Default: `false`/, md);
  assert.match(md, /Effective value: `true`/, md);
  assert.deepEqual(s.range, { start: { line: s.line, character: 4 }, end: { line: s.line, character: 4 + 'grafanaEnable'.length } });
});

test('definition: a setting in a profile → its declaration in lib/defaults.nix, and Neovim jumps there', async () => {
  const { record } = await run();
  const s = await step('definition');
  assert.equal(s.err, null, show(s.err));
  const defaultsLine = lineOf(original('lib/defaults.nix'), '    grafanaEnable = false;');
  const rel = (f: string): string => path.relative(record.root, f);
  assert.deepEqual(
    (s.locations as { fname: string; line: number; character: number }[]).map((l) => ({ file: rel(l.fname), line: l.line, character: l.character })),
    [{ file: 'lib/defaults.nix', line: defaultsLine, character: 4 }],
    show(record.steps.definition),
  );
  assert.deepEqual({ file: rel(s.jumpedTo.fname), line: s.jumpedTo.line }, { file: 'lib/defaults.nix', line: defaultsLine });
});

test('definition where a module reads a setting with a default (`systemSettings.x or …`): the declaration, or the profile that sets an undeclared one, and Neovim jumps there', async () => {
  const s = await step('definitionInModule');
  const { record } = await run();
  const at = (rel: string): string => path.join(record.root, rel);
  assert.equal(s.declaredText, '  targets = systemSettings.prometheusRemoteTargets or [ ];');
  const declared = lineOf(original('lib/defaults.nix'), '    prometheusRemoteTargets = [ ];');
  assert.deepEqual(s.declared, [{ fname: at('lib/defaults.nix'), line: declared, character: 4 }], show(s.declared));
  // `backupMonitoringEnable` is in no defaults file: LXC_monitoring's profile is where it is defined.
  const monitoring = 'profiles/LXC_monitoring-config.nix';
  const set = lineOf(original(monitoring), '    backupMonitoringEnable = true;');
  assert.deepEqual(s.undeclared, [{ fname: at(monitoring), line: set, character: 4 }], show(s.undeclared));
  assert.deepEqual(s.jumpedTo, { fname: at(monitoring), line: set });
});

test('quick fix on a line with non-ASCII text: vim.lsp.buf.code_action replaces exactly the misspelt name', async () => {
  const s = await step('quickFix');
  const at = lineOf(original(PROXY), 'hostname = "proxy";') + 1;
  const broken = insertLine(original(PROXY), at, '    /* ◉🏠 */ grafanaEnabel = true;');
  assert.equal(s.before, broken);
  assert.ok(s.titles.includes('Replace with `grafanaEnable`'), `actions offered: ${show(s.titles)}`);
  const expected = insertLine(original(PROXY), at, '    /* ◉🏠 */ grafanaEnable = true;');
  assert.equal(
    s.after,
    expected,
    `diagnostic published ${show(s.published?.range)}, sent back by Neovim ${show(s.params?.context?.diagnostics?.[0]?.range)}; action ${show(s.action)}`,
  );
});

test('setting rename: prepareRename accepts `grafanaEnable`; the rename reaches defaults, the profile that sets it, the module that reads it', async () => {
  const s = await step('rename');
  assert.equal(s.prepare.err, null, `prepareRename answered an error: ${show(s.prepare.err)}`);
  assert.equal(s.renameErr, null, `rename answered an error: ${show(s.renameErr)}`);
  const expected: Record<string, string> = {};
  for (const rel of ['lib/defaults.nix', 'profiles/LXC_monitoring-config.nix', 'system/app/monitoring.nix'])
    expected[rel] = original(rel).replace(/\bgrafanaEnable\b/g, 'grafanaOn');
  assert.deepEqual(Object.keys(s.files).sort(), Object.keys(expected).sort(), 'the files the rename changes');
  for (const rel of Object.keys(expected)) assert.equal(s.files[rel], expected[rel], `${rel} after the rename`);
});
