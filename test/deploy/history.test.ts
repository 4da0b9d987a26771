// The deploy history on a real folder (a temporary stand-in for the
// extension's workspace storage): it survives a restart (a new instance reads
// it back), is bounded per machine, keeps a corrupt file aside and starts
// empty, serialises concurrent writes, and never stores a secret, a message
// or command output. `lastSuccessful` feeds "Deploy Changed".
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DeployHistory, HISTORY_FILE, entriesFromRun, entryFromResult, osUser, type HistoryEntry,
} from '../../client/src/deploy/history';
import type { MachineHealth } from '../../client/src/deploy/health';
import type { WaveRunSummary } from '../../client/src/deploy/waveRunner';
import { selectChanged } from '../../client/src/deploy/changed';

const dirs: string[] = [];
function storage(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-history-'));
  dirs.push(d);
  return path.join(d, 'workspaceStorage', 'homelab'); // not created yet: the history makes it
}
after(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

const entry = (machine: string, time: number, over: Partial<HistoryEntry> = {}): Omit<HistoryEntry, 'user'> => ({
  machine, time, method: 'ssh-script', result: 'succeeded', durationMs: 1200, commit: 'a'.repeat(40), ...over,
});

test('entries survive a restart, newest first, with the OS user; lastSuccessful skips failures', async () => {
  const dir = storage();
  const h = new DeployHistory(dir);
  await h.record(entry('mon', 1000, { commit: '1111111111111111111111111111111111111111' }));
  await h.record(entry('mon', 2000, { result: 'failed', failure: 'health', commit: '2222222222222222222222222222222222222222' }));
  await h.record(entry('web', 1500, { method: 'colmena' }));
  const again = new DeployHistory(dir);
  const mon = await again.entries('mon');
  assert.deepEqual(mon.map((e) => [e.time, e.result]), [[2000, 'failed'], [1000, 'succeeded']]);
  assert.equal(mon[0].user, osUser());
  assert.equal((await again.lastSuccessful('mon'))?.commit, '1111111111111111111111111111111111111111');
  assert.equal(await again.lastSuccessful('nobody'), undefined);
  assert.deepEqual(await again.machines(), ['mon', 'web']);
  const last = await again.lastDeploys(['mon', 'web', 'new']);
  assert.deepEqual(last.mon, { atMs: 2200, commit: '1111111111111111111111111111111111111111' });
  assert.equal(last.new, undefined);
  // Deploy Changed reads it as it is.
  const d = selectChanged([{ name: 'mon', files: ['profiles/mon.nix'] }, { name: 'new', files: [] }], last, {
    sharedFiles: [], changedSinceCommit: { '1111111111111111111111111111111111111111': ['profiles/mon.nix'] },
  });
  assert.deepEqual(d.map((x) => [x.machine, x.deploy]), [['mon', true], ['new', true]]);
  assert.equal((fs.statSync(path.join(dir, HISTORY_FILE)).mode & 0o777), 0o600);
});

test('bounded: the newest 50 entries per machine by default, or the limit given', async () => {
  const dir = storage();
  const h = new DeployHistory(dir);
  await h.record(...Array.from({ length: 60 }, (_, i) => entry('a', i)));
  const a = await h.entries('a');
  assert.equal(a.length, 50);
  assert.equal(a[0].time, 59);
  assert.equal(a[49].time, 10);
  const small = new DeployHistory(dir, { limit: 3 });
  assert.deepEqual((await small.entries('a')).map((e) => e.time), [59, 58, 57]);
});

test('a corrupt file is kept aside as a backup and the history starts empty', async () => {
  const dir = storage();
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, HISTORY_FILE);
  fs.writeFileSync(file, '{"version": 1, "machines": {"a": [ {"machine": "a", "ti');
  const h = new DeployHistory(dir);
  assert.deepEqual(await h.entries('a'), []);
  const backups = fs.readdirSync(dir).filter((f) => f.startsWith(`${HISTORY_FILE}.corrupt-`));
  assert.equal(backups.length, 1);
  assert.match(fs.readFileSync(path.join(dir, backups[0]), 'utf8'), /"machines"/);
  await h.record(entry('a', 5));
  assert.equal((await new DeployHistory(dir).entries('a')).length, 1);

  // Valid JSON of the wrong shape is corrupt too; bad entries in a good file are dropped one by one.
  fs.writeFileSync(file, '[1, 2, 3]');
  assert.deepEqual(await h.machines(), []);
  fs.writeFileSync(file, JSON.stringify({
    version: 1,
    machines: {
      good: [{ machine: 'good', time: 1, method: 'colmena', result: 'succeeded', durationMs: 3, user: 'x', message: 'output line' },
        { machine: 'good', time: 2, method: 'rm -rf', result: 'succeeded' }, 'junk'],
      '-bad name': [{ machine: '-bad name', time: 1, method: 'colmena', result: 'succeeded' }],
    },
  }));
  const good = await h.entries('good');
  assert.deepEqual(good, [{ machine: 'good', time: 1, method: 'colmena', result: 'succeeded', durationMs: 3, user: 'x' }]);
  assert.equal(fs.readdirSync(dir).filter((f) => f.startsWith(`${HISTORY_FILE}.corrupt-`)).length, 2);
});

test('concurrent records are all kept (one write at a time)', async () => {
  const dir = storage();
  const h = new DeployHistory(dir);
  await Promise.all(Array.from({ length: 20 }, (_, i) => h.record(entry(`m${i % 4}`, i))));
  const all = await Promise.all(['m0', 'm1', 'm2', 'm3'].map((m) => h.entries(m)));
  assert.deepEqual(all.map((l) => l.length), [5, 5, 5, 5]);
  assert.deepEqual(fs.readdirSync(dir), [HISTORY_FILE], 'no temporary file left');
});

test('never a secret, a message or command output: only typed fields are stored', async () => {
  const dir = storage();
  const secret = 'planted-history-secret-99';
  const health: MachineHealth = {
    machine: 'app', status: 'failed', durationMs: 10,
    results: [
      { check: 'ssh', target: '127.0.0.1:22', status: 'ok', message: 'SSH-2.0-OpenSSH', durationMs: 1 },
      { check: 'http', target: `http://127.0.0.1/${secret}`, status: 'failed', message: `answered 500 ${secret}`, durationMs: 2 },
      { check: 'systemd', target: 'u@127.0.0.1', status: 'warning', message: 'degraded', durationMs: 3 },
    ],
  };
  const h = new DeployHistory(dir, { secrets: [secret] });
  const [stored] = await h.record({
    ...entryFromResult({
      machine: 'app', status: 'succeeded', durationMs: 900, startedAt: 5000,
      message: `token is ${secret}`,
    } as never, 'ssh-script', { commit: 'b'.repeat(40), health }),
    // Fields outside the type are dropped too.
    ...({ output: `token is ${secret}`, env: { TOKEN: secret } } as object),
  });
  assert.deepEqual(stored, {
    machine: 'app', time: 5000, method: 'ssh-script', result: 'failed', durationMs: 900, user: osUser(),
    commit: 'b'.repeat(40), failure: 'health',
    health: { status: 'failed', ok: 1, warning: 1, failed: 1, skipped: 0, failedChecks: [{ check: 'http', target: 'http://127.0.0.1/***' }] },
  });
  const text = fs.readFileSync(path.join(dir, HISTORY_FILE), 'utf8');
  assert.ok(!text.includes(secret), text);
  assert.ok(!/message|output|token is|SSH-2\.0/.test(text), text);
});

test('entries from a wave run: touched machines only, with their rollback', () => {
  const summary: WaveRunSummary = {
    cancelled: false, durationMs: 5, waves: [],
    stoppedBy: { wave: 1, machine: 'a', kind: 'deploy', message: 'x' },
    machines: [
      { machine: 'a', wave: 1, status: 'failed', failure: 'deploy', message: 'Run the command exited with code 7: secret output',
        deploy: { machine: 'a', status: 'failed', failedStep: 'run', exitCode: 7, durationMs: 40, startedAt: 100, message: 'secret output' },
        rollback: { status: 'succeeded', description: 'commit aaaaaaa' } },
      { machine: 'b', wave: 2, status: 'skipped', message: 'not started' },
    ],
  };
  const entries = entriesFromRun(summary, () => 'ssh-script', 'c'.repeat(40));
  assert.deepEqual(entries, [{
    machine: 'a', time: 100, method: 'ssh-script', result: 'failed', durationMs: 40, commit: 'c'.repeat(40),
    failure: 'deploy', failedStep: 'run', exitCode: 7, rollback: 'succeeded',
  }]);
});
