// Test helper: processes whose command line contains a marker, read from /proc
// (like `pgrep -f`, without needing procps), optionally only those of one user.
import * as fs from 'node:fs';

export function findProcesses(marker: string, uid?: number): number[] {
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      if (!cmdline.includes(marker)) continue;
      if (uid !== undefined) {
        const status = fs.readFileSync(`/proc/${entry}/status`, 'utf8');
        const real = /^Uid:\s+(\d+)/m.exec(status)?.[1];
        if (Number(real) !== uid) continue;
      }
      // A zombie has ended; it only waits for its parent to reap it.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (/\) Z /.test(stat)) continue;
      found.push(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}
