// Test fixture: Debian's real Prometheus on 127.0.0.1 (as in
// test/unit/client/prometheus.test.ts), scraping the targets given (itself is a
// real exporter: its own /metrics), with a 1 s interval; `waitForTargets`
// waits (bounded) until each target has been scraped once.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { prometheusUp } from '../../../client/src/probes/reachability';
import { freePort } from './sshd';

export interface Prometheus {
  url: string;
  port: number;
  /** Waits until `up` is known for every address; returns the map. */
  waitForTargets(addresses: string[]): Promise<Map<string, boolean>>;
  stop(): Promise<void>;
}

/** `jobs`: job name → `host:port` targets; the job `self` (Prometheus itself on 127.0.0.1) is always added. */
export async function startPrometheus(jobs: Record<string, string[]> = {}): Promise<Prometheus> {
  if (spawnSync('prometheus', ['--version']).status !== 0) throw new Error('prometheus (Debian package) must be installed; npm test installs it');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'homelab-prom-'));
  const port = await freePort();
  const all: Record<string, string[]> = { self: [`127.0.0.1:${port}`], ...jobs };
  fs.writeFileSync(path.join(dir, 'prometheus.yml'), [
    'global:', '  scrape_interval: 1s', '  scrape_timeout: 500ms', 'scrape_configs:',
    ...Object.entries(all).flatMap(([job, targets]) => [
      `  - job_name: ${job}`, '    static_configs:', `      - targets: [${targets.map((t) => `'${t}'`).join(', ')}]`,
    ]),
    '',
  ].join('\n'));
  const child = spawn('prometheus', [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  return {
    url, port,
    async waitForTargets(addresses) {
      let up = new Map<string, boolean>();
      for (let i = 0; i < 60 && !addresses.every((a) => up.has(a)); i++) {
        await new Promise((r) => setTimeout(r, 500));
        up = await prometheusUp(url, 1000).catch(() => new Map<string, boolean>());
      }
      return up;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
