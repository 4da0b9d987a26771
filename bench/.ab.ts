// A/B: fleet sessions interleaved, main's dist (A) vs this branch's (B)
import * as path from 'node:path';
import { loadavg } from 'node:os';
import { fleetSession } from './fleet';
import { generateHomelab, generatedRoot } from './generate';
import { useServerBundle } from './measure';

const n = Number(process.argv[2] ?? 1000);
const rounds = Number(process.argv[3] ?? 2);
const sides: [string, string][] = [['A', process.argv[4] ?? '/work/wt/editlat-dist-main/server.js'], ['B', process.argv[5] ?? '/tmp/editlat/dist-B/server.js']];
const h = generateHomelab(n, path.join(generatedRoot, `homelab-${n}`));
const q = (v: number[], p: number) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
async function main(): Promise<void> {
const all: Record<string, { e: number[]; c: number[]; cpu: number[] }> = { A: { e: [], c: [], cpu: [] }, B: { e: [], c: [], cpu: [] } };
for (let r = 0; r < rounds; r++)
  for (const [name, bundle] of r % 2 ? [...sides].reverse() : sides) {
    useServerBundle(bundle);
    const s = await fleetSession(h.dir, h.smallProfile, 10, 40, { nodeArgs: n >= 10000 ? ['--max-old-space-size=4096'] : [], env: process.env });
    all[name].e.push(...s.edits);
    all[name].c.push(...s.completions);
    all[name].cpu.push(s.cpuMs);
    console.log(`${name} round ${r}: edit p50 ${q(s.edits, 0.5).toFixed(1)} p95 ${q(s.edits, 0.95).toFixed(1)} | completion p50 ${q(s.completions, 0.5).toFixed(1)} p95 ${q(s.completions, 0.95).toFixed(1)} | first diag ${s.firstDiagnosticsMs.toFixed(0)} | cpu ${s.cpuMs} ms | rss ${s.rssMb} | load ${loadavg()[0].toFixed(2)}${s.note ? ' ' + s.note : ''}`);
  }
for (const [name, v] of Object.entries(all)) console.log(`${name} all: edit p50 ${q(v.e, 0.5).toFixed(1)} p95 ${q(v.e, 0.95).toFixed(1)} | completion p50 ${q(v.c, 0.5).toFixed(1)} p95 ${q(v.c, 0.95).toFixed(1)} | cpu ${v.cpu.join('/')}`);
}
void main();
