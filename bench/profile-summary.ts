// Summarises V8 CPU profiles (node --cpu-prof, written by `bench/run.ts
// --profile`): the functions with the most self time and the most total
// (inclusive) time, with their source places mapped back through dist/'s
// source map when the bundle is the server's. Run:
//   node --import tsx bench/profile-summary.ts bench/.profiles [top]
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Minimal source-map reader (VLQ mappings) so bundle positions name their TypeScript file. */
class SourceMap {
  private readonly lines: { col: number; src: number; line: number }[][] = [];
  constructor(private readonly sources: string[], mappings: string) {
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    let src = 0;
    let srcLine = 0;
    let srcCol = 0;
    for (const lineText of mappings.split(';')) {
      const segs: { col: number; src: number; line: number }[] = [];
      let col = 0;
      for (const seg of lineText.split(',')) {
        if (!seg) continue;
        const vals: number[] = [];
        let shift = 0;
        let value = 0;
        for (const ch of seg) {
          const d = B64.indexOf(ch);
          value += (d & 31) << shift;
          if (d & 32) shift += 5;
          else {
            vals.push(value & 1 ? -(value >> 1) : value >> 1);
            value = 0;
            shift = 0;
          }
        }
        col += vals[0];
        if (vals.length >= 4) {
          src += vals[1];
          srcLine += vals[2];
          srcCol += vals[3];
          segs.push({ col, src, line: srcLine });
        }
      }
      this.lines.push(segs);
    }
    void srcCol;
  }
  lookup(line: number, col: number): string | undefined {
    const segs = this.lines[line];
    if (!segs || segs.length === 0) return undefined;
    let best = segs[0];
    for (const s of segs) {
      if (s.col > col) break;
      best = s;
    }
    const file = this.sources[best.src]?.replace(/^(\.\.\/)+/, '');
    return file ? `${file}:${best.line + 1}` : undefined;
  }
}

const maps = new Map<string, SourceMap | null>();
function mapFor(url: string): SourceMap | null {
  if (maps.has(url)) return maps.get(url) ?? null;
  let m: SourceMap | null = null;
  const file = url.startsWith('file://') ? decodeURIComponent(url.slice(7)) : url;
  if (file.endsWith('.js') && existsSync(file + '.map')) {
    const raw = JSON.parse(readFileSync(file + '.map', 'utf8')) as { sources: string[]; mappings: string };
    m = new SourceMap(raw.sources, raw.mappings);
  }
  maps.set(url, m);
  return m;
}

function place(cf: CallFrame): string {
  const m = mapFor(cf.url);
  const mapped = m?.lookup(cf.lineNumber, cf.columnNumber);
  if (mapped) return mapped;
  if (!cf.url) return '(native)';
  return `${cf.url.replace(/^file:\/\//, '').replace(/.*node_modules\//, 'node_modules/')}:${cf.lineNumber + 1}`;
}

export function summarise(profiles: CpuProfile[], top = 25): string {
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  for (const p of profiles) {
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const key = (n: ProfileNode): string => `${n.callFrame.functionName || '(anonymous)'}  ${place(n.callFrame)}`;
    p.samples.forEach((id, i) => {
      const dt = (p.timeDeltas[i] ?? 0) / 1000;
      all += dt;
      const n = byId.get(id);
      if (!n) return;
      if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') return;
      self.set(key(n), (self.get(key(n)) ?? 0) + dt);
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const k = key(byId.get(cur)!);
        if (seen.has(k)) continue;
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + dt);
      }
    });
  }
  const fmt = (m: Map<string, number>, title: string): string[] => [
    title,
    ...[...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${ms.toFixed(0).padStart(8)} ms ${((ms / all) * 100).toFixed(1).padStart(5)}%  ${k}`),
  ];
  return [`${profiles.length} profile(s), ${all.toFixed(0)} ms sampled`, ...fmt(self, '\nself time:'), ...fmt(total, '\ntotal (inclusive) time:')].join('\n');
}

if (require.main === module) {
  const target = path.resolve(process.argv[2] ?? 'bench/.profiles');
  const top = Number(process.argv[3] ?? 25);
  const files = existsSync(target) && target.endsWith('.cpuprofile') ? [target] : readdirSync(target).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(target, f));
  console.log(summarise(files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as CpuProfile), top));
}
