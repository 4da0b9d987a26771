import { generateHomelab, generatedRoot } from './generate';
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileUri, Message, PublishParams } from './lsp';
import { ourServer, position } from './measure';
import { sleep } from './stats';
import { TYPED_KEY, TYPING_PAUSES_MS } from './fleet';
const n = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 60);
const extra = (process.argv[4] ?? '').split(',').filter(Boolean);
const h = generateHomelab(n, path.join(generatedRoot, `homelab-${n}`));
const isPublish = (m: Message): boolean => m.method === 'textDocument/publishDiagnostics';
const pub = (m: Message): PublishParams => m.params as PublishParams;
const isEnd = (m: Message): boolean => m.method === '$/progress' && (m.params as { value?: { kind?: string } }).value?.kind === 'end';
const log = '/tmp/probe-gc.log';
import { readdirSync } from 'node:fs';
function tasks(pid: number): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of readdirSync(`/proc/${pid}/task`)) {
    try { const st = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8'); const comm = /\((.*)\)/.exec(st)![1]; const f = st.slice(st.lastIndexOf(')') + 2).split(' '); m.set(`${t} ${comm}`, (Number(f[11]) + Number(f[12])) * 10); } catch {}
  }
  return m;
}
(async () => {
  const c = ourServer({ nodeArgs: ['--require', '/work/research/s18/gcpre.cjs', ...extra], env: { ...process.env, PROBE_GC_LOG: log } });
  const uri = fileUri(h.smallProfile);
  const text = readFileSync(h.smallProfile, 'utf8');
  const at = text.indexOf(`${TYPED_KEY} =`);
  const end = c.next(isEnd, 600000);
  await c.initialize(h.dir);
  let version = 1;
  c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version, text } });
  await end; await sleep(600); await c.ping();
  const before = tasks(c.pid);
  const pos = position(text, at + TYPED_KEY.length - 1);
  const cursor = { line: pos.line, character: pos.character + 1 };
  const rows: { i: number; t0: number; ms: number; cms: number; run: number; wait: number; brun: number; bwait: number }[] = [];
  const sched = (tid: number): number[] => readFileSync(`/proc/${c.pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
  const others = readdirSync(`/proc/${c.pid}/task`).map(Number).filter((t) => t !== c.pid);
  const bg = (): number[] => others.map(sched).reduce((a, b) => [a[0] + b[0], a[1] + b[1]], [0, 0]);
  for (let i = 0; i < 10 + runs; i++) {
    const v = ++version;
    const ch = i % 2 === 0 ? 'Q' : TYPED_KEY[TYPED_KEY.length - 1];
    const published = c.next((m) => isPublish(m) && pub(m).uri === uri && pub(m).version === v, 30000);
    const s0 = sched(c.pid); const g0 = bg();
    const t = performance.now();
    c.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: pos, end: cursor }, text: ch }] });
    const ans = c.requestStamped('textDocument/completion', { textDocument: { uri }, position: cursor }, 30000);
    const p = await published; const s1 = sched(c.pid); const g1 = bg();
    const a = await ans;
    if (i >= 10) rows.push({ i, t0: performance.timeOrigin + t, ms: p.at - t, cms: a.at - t, run: (s1[0] - s0[0]) / 1e6, wait: (s1[1] - s0[1]) / 1e6, brun: (g1[0] - g0[0]) / 1e6, bwait: (g1[1] - g0[1]) / 1e6 });
    await sleep(TYPING_PAUSES_MS[i % 10]);
  }
  const after = tasks(c.pid);
  for (const [k, v] of after) { const d = v - (before.get(k) ?? 0); if (d > 0) console.log('cpu', k, d, 'ms'); }
  await c.stop();
  const gcs = readFileSync(log, 'utf8').split('\n').filter((l) => /^[0-9]/.test(l)).map((l) => { const [ts, k, d] = l.split(' '); return { ts: Number(ts), k, d: Number(d) }; });
  const sorted = [...rows].sort((a, b) => b.ms - a.ms);
  const p95 = sorted[Math.ceil(rows.length * 0.05) - 1].ms;
  require('node:fs').writeFileSync('/tmp/probe-rows.json', JSON.stringify(rows));
  console.log(`p50 ${[...rows].sort((a,b)=>a.ms-b.ms)[rows.length>>1].ms.toFixed(1)} p95 ${p95.toFixed(1)}`);
  for (const r of sorted.slice(0, 12)) {
    const during = gcs.filter((g) => g.ts + g.d >= r.t0 - 1 && g.ts <= r.t0 + r.ms);
    console.log(`edit ${r.i} pos ${r.i % 10} ${r.ms.toFixed(1)} ms (compl ${r.cms.toFixed(1)}) main run ${r.run.toFixed(1)} wait ${r.wait.toFixed(1)} bg run ${r.brun.toFixed(1)} wait ${r.bwait.toFixed(1)} gc: ${during.map((g) => `${g.k} ${g.d.toFixed(1)}@${(g.ts - r.t0).toFixed(1)}`).join(', ')}`);
  }
  const during = gcs.filter((g) => g.ts >= rows[0].t0);
  const sum = (k: string) => during.filter((g) => g.k === k);
  for (const k of ['minor', 'incr', 'major']) console.log(k, sum(k).length, 'total', sum(k).reduce((s, g) => s + g.d, 0).toFixed(1), 'max', Math.max(0, ...sum(k).map((g) => g.d)).toFixed(1));
})();
