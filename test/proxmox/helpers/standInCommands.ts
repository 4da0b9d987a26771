// Test fixture: stand-in `pvesh` and `pct` shell scripts, because Proxmox VE
// cannot run here. Put first on the PATH of the test sshd's remote commands
// (startSshd({ pathFirst })), `pvesh get PATH … --output-format json` prints
// the cluster's answer for PATH (cluster.ts) and `pct` records its arguments.
// Both write one argument per line, then `@@end`, to a log the tests read back.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ANSWERS } from './cluster';

export interface StandInCommands {
  dir: string;
  /** The argument vectors pvesh was called with, in call order. */
  pveshCalls(): string[][];
  pctCalls(): string[][];
  /** Removes the answer of one path, so pvesh fails for it (exit code 2, like pvesh on an error). */
  forget(apiPath: string): void;
  cleanup(): void;
}

const answerFile = (dir: string, apiPath: string): string => path.join(dir, 'answers', `${apiPath.replace(/\//g, '_')}.json`);

function script(file: string, body: string): void {
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`);
  fs.chmodSync(file, 0o755);
}

function calls(log: string): string[][] {
  const text = fs.readFileSync(log, 'utf8');
  return text.split('@@end\n').filter((c) => c !== '').map((c) => c.replace(/\n$/, '').split('\n'));
}

/** Writes the stand-ins into a fresh folder readable (and its logs writable) by the sshd's test user. */
export function createStandInCommands(): StandInCommands {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-pve-bin-'));
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(path.join(dir, 'answers'), { mode: 0o755 });
  for (const [apiPath, data] of Object.entries(ANSWERS)) fs.writeFileSync(answerFile(dir, apiPath), JSON.stringify(data, null, 1));
  const pveshLog = path.join(dir, 'pvesh.log');
  const pctLog = path.join(dir, 'pct.log');
  for (const log of [pveshLog, pctLog]) {
    fs.writeFileSync(log, '');
    fs.chmodSync(log, 0o666);
  }
  script(path.join(dir, 'pvesh'), [
    '# Stand-in for Proxmox VE\'s pvesh: records its arguments, prints the recorded answer of the path.',
    // One write per call, so calls running side by side do not interleave in the log.
    `rec=$(for a in "$@"; do printf '%s\\n' "$a"; done; echo @@end); printf '%s\\n' "$rec" >> ${pveshLog}`,
    '[ "$1" = get ] || { echo "stand-in pvesh: only get" >&2; exit 2; }',
    `f="${path.join(dir, 'answers')}/$(printf '%s' "$2" | tr / _).json"`,
    '[ -f "$f" ] || { echo "no such path $2" >&2; exit 2; }',
    'cat "$f"',
  ].join('\n'));
  script(path.join(dir, 'pct'), [
    '# Stand-in for Proxmox VE\'s pct: records its arguments and says what a real create says.',
    // One write per call, so calls running side by side do not interleave in the log.
    `rec=$(for a in "$@"; do printf '%s\\n' "$a"; done; echo @@end); printf '%s\\n' "$rec" >> ${pctLog}`,
    'echo "extracting archive \'$3\'"',
    'echo "Creating SSH host key \'ssh_host_ed25519_key\' - this may take some time ..." >&2',
    'echo "done: container $2"',
  ].join('\n'));
  return {
    dir,
    pveshCalls: () => calls(pveshLog),
    pctCalls: () => calls(pctLog),
    forget: (apiPath) => fs.rmSync(answerFile(dir, apiPath), { force: true }),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
