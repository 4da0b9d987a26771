import { generateHomelab, generatedRoot } from './generate';
import * as path from 'node:path';
import { fleetSession, TYPING_PAUSES_MS } from './fleet';
const n = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 60);
const procs = Number(process.argv[4] ?? 2);
const h = generateHomelab(n, path.join(generatedRoot, `homelab-${n}`));
(async () => {
  const all: number[][] = [];
  for (let p = 0; p < procs; p++) {
    const r = await fleetSession(h.dir, h.smallProfile, 10, runs, { nodeArgs: [], env: process.env } as never);
    all.push(r.edits);
    const byPos = new Map<number, number[]>();
    r.edits.forEach((ms, i) => { const k = (i + 10) % 10; (byPos.get(k) ?? byPos.set(k, []).get(k)!).push(Math.round(ms * 10) / 10); });
    console.log(`proc ${p} rss ${r.rssMb}`);
    for (const [k, v] of [...byPos].sort((a, b) => a[0] - b[0])) console.log(`  pos ${k} (after pause ${TYPING_PAUSES_MS[(k + 9) % 10]}): ${v.join(' ')}`);
  }
  const flat = all.flat().sort((a, b) => a - b);
  console.log('p50', flat[Math.floor(flat.length * 0.5)].toFixed(1), 'p95', flat[Math.ceil(flat.length * 0.95) - 1].toFixed(1), 'max', flat[flat.length - 1].toFixed(1));
})();
