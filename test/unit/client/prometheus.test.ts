// The tree's up/down status from a real Prometheus (Debian's package) on
// 127.0.0.1: it scrapes itself (up) and a closed port on 127.0.0.2 (down), and
// prometheusUp() maps each target address to its `up` value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { prometheusUp } from '../../../client/src/probes/reachability';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('prometheusUp reads up/down per target address from a real Prometheus', async () => {
  assert.equal(spawnSync('prometheus', ['--version']).status, 0, 'prometheus (Debian package) must be installed; npm test installs it');
  const dir = mkdtempSync(path.join(tmpdir(), 'homelab-prom-'));
  const port = await freePort();
  const closedPort = await freePort();
  writeFileSync(path.join(dir, 'prometheus.yml'), [
    'global:', '  scrape_interval: 1s', '  scrape_timeout: 500ms',
    'scrape_configs:',
    '  - job_name: self', '    static_configs:', `      - targets: ['127.0.0.1:${port}']`,
    '  - job_name: gone', '    static_configs:', `      - targets: ['127.0.0.2:${closedPort}']`, '',
  ].join('\n'));
  const server = spawn('prometheus', [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${path.join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
  ], { stdio: 'ignore' });
  try {
    const url = `http://127.0.0.1:${port}`;
    let up = new Map<string, boolean>();
    // Wait (bounded) until both targets have been scraped once.
    for (let attempt = 0; attempt < 60 && up.size < 2; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      up = await prometheusUp(url, 1000).catch(() => new Map<string, boolean>());
    }
    assert.equal(up.get('127.0.0.1'), true, 'Prometheus scraping itself is up');
    assert.equal(up.get('127.0.0.2'), false, 'a closed port is down');
    await assert.rejects(prometheusUp(`http://127.0.0.1:${closedPort}`, 1000));
  } finally {
    server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
