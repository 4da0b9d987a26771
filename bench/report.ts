// The benchmark's output: the figure record, the one table (ours, peer,
// ratio, target, met?), the parse-throughput figures taken from the Nix
// helper's bench, and the table's copy in bench/README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './generate';
import type { NixParseRun } from './peers';
import type { Stat } from './stats';

export interface Figure {
  id: string;
  label: string;
  unit: string;
  /** A distribution (median/p95), a single number, or nothing (n/a, see note). */
  ours?: Stat | number;
  peer?: Stat | number;
  peerName?: string;
  /** peer / ours (higher is better for us), or as the note says. */
  ratio?: number;
  target?: string;
  /** undefined: no target or not measurable here. */
  met?: boolean;
  note?: string;
}

function isStat(v: Stat | number | undefined): v is Stat {
  return typeof v === 'object' && v !== null;
}

function cell(v: Stat | number | undefined, unit: string): string {
  if (v === undefined) return 'n/a';
  if (isStat(v)) return v.runs === 0 ? 'n/a' : `${v.median} / ${v.p95} ${unit}`;
  return Number.isFinite(v) ? `${v} ${unit}` : 'n/a';
}

export function formatTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.label,
    cell(f.ours, f.unit),
    f.peer !== undefined ? `${cell(f.peer, f.unit)}${f.peerName ? ` (${f.peerName})` : ''}` : '',
    f.ratio !== undefined ? `${f.ratio}×` : '',
    f.target ?? '',
    f.met === undefined ? (f.target ? 'n/a' : '') : f.met ? 'yes' : 'NO',
  ]);
  const head = ['Figure', 'Ours (median / p95)', 'Peer (median / p95)', 'Ratio', 'Target', 'Met?'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
  const notes = figures.filter((f) => f.note).map((f) => `- **${f.label}**: ${f.note}`);
  return [...lines, '', ...notes].join('\n');
}

/** The JSON line bench/nix-parse.ts prints last. */
interface NixParseJson {
  largeFileMB: number;
  largeMedianMBps: number;
  largeP95MBps: number;
  corpusMedianMBps: number;
  nixLargeSeconds?: number;
  oursLargeSeconds: number;
  nixOverOursLarge?: number;
  nixCorpusSeconds?: number;
  oursCorpusSeconds: number;
  linearityTimeRatio10x: number;
  linearityWorkRatio10x: number;
  linearityFreshHeapRatio10x?: number;
  machineBaselineMBps: number;
  profileFileKB?: number;
  profileMedianMBps?: number;
  profileP95MBps?: number;
  nixProfileSeconds?: number;
  oursProfileSeconds?: number;
  allocationMsPerMillionObjects?: number;
  processOursWallSeconds?: number;
  processOursCpuSeconds?: number;
  processOursParseMs?: number;
  processNixWallSeconds?: number;
  processNixCpuSeconds?: number;
  nixOverOursProcessWall?: number;
  nixOverOursProcessCpu?: number;
}

interface ParseJson {
  figures?: Figure[];
  [key: string]: unknown;
}

/** The parse figures: the Nix helper's own when its bench reports them, else an explicit n/a. */
export function nixParseFigures(run: NixParseRun): Figure[] {
  const base: Figure = { id: 'parse-throughput', label: 'Nix parse throughput', unit: 'MB/s', target: '≥ 20 MB/s, 10× input ≤ 12× time' };
  if (!run.exists) return [{ ...base, note: "n/a: bench/nix-parse.ts (the Nix parser's own bench) does not exist yet" }];
  const json = run.json as ParseJson | undefined;
  if (json && Array.isArray(json.figures)) return json.figures;
  const j = json as NixParseJson | undefined;
  if (j && typeof j.largeMedianMBps === 'number') {
    const nixMBps = j.nixLargeSeconds ? Math.round((j.largeFileMB / j.nixLargeSeconds) * 10) / 10 : undefined;
    const nixCorpusRatio = j.nixCorpusSeconds && j.oursCorpusSeconds ? Math.round(j.nixCorpusSeconds / j.oursCorpusSeconds) : undefined;
    const profileRows: Figure[] =
      j.profileMedianMBps !== undefined && j.profileP95MBps !== undefined
        ? [
            {
              ...base,
              id: 'parse-profile',
              label: `Nix parse throughput, ${j.profileFileKB} KB generated profile (the size of the largest benchmark profile)`,
              ours: { median: j.profileMedianMBps, p95: j.profileP95MBps, min: NaN, max: NaN, runs: 15 },
              peer: j.nixProfileSeconds && j.profileFileKB ? Math.round((j.profileFileKB / 1024 / j.nixProfileSeconds) * 10) / 10 : undefined,
              peerName: 'nix-instantiate --parse',
              ratio: j.nixProfileSeconds && j.oursProfileSeconds ? Math.round((j.nixProfileSeconds / j.oursProfileSeconds) * 10) / 10 : undefined,
              target: '≥ 20 MB/s',
              met: j.profileMedianMBps >= 20 && j.profileP95MBps >= 20,
              note: 'the bundled parser as shipped, after warm-up; ratio = nix-instantiate time (with its process start) / ours',
            },
          ]
        : [];
    return [
      ...profileRows,
      {
        ...base,
        label: `Nix parse throughput, ${j.largeFileMB} MB generated profile file`,
        ours: { median: j.largeMedianMBps, p95: j.largeP95MBps, min: NaN, max: NaN, runs: 9 },
        peer: nixMBps,
        peerName: 'nix-instantiate --parse',
        ratio: j.nixOverOursLarge,
        target: '≥ 20 MB/s',
        met: j.largeMedianMBps >= 20 && j.largeP95MBps >= 20,
        note: `from bench/nix-parse.ts (p95 column: the slowest-but-5% run's MB/s); ratio = nix-instantiate time / ours on the same file (nix-instantiate includes its process start); machine baseline (bare character loop) ${j.machineBaselineMBps} MB/s${j.allocationMsPerMillionObjects !== undefined ? `; a million retained small objects take ${j.allocationMsPerMillionObjects} ms to allocate here, and a tree of this size is millions of them, copied out of the young generation by the garbage collector` : ''}`,
      },
      ...(j.processOursWallSeconds !== undefined
        ? [
            {
              id: 'parse-process',
              label: `Nix parse, whole process, ${j.largeFileMB} MB generated profile file (a fresh Node loading the bundled parser, reading and parsing the file)`,
              unit: 's',
              ours: j.processOursWallSeconds,
              peer: j.processNixWallSeconds,
              peerName: 'nix-instantiate --parse',
              ratio: j.nixOverOursProcessWall,
              target: 'nix-instantiate time / ours ≥ 1.2×',
              met: j.nixOverOursProcessWall !== undefined ? j.nixOverOursProcessWall >= 1.2 : undefined,
              note: `median of 5 interleaved runs, wall time from spawn to exit; CPU time (all threads) ours ${j.processOursCpuSeconds?.toFixed(3)} s, nix-instantiate ${j.processNixCpuSeconds?.toFixed(3) ?? 'n/a'} s (ratio ${j.nixOverOursProcessCpu ?? 'n/a'}×); ours parses in ${j.processOursParseMs?.toFixed(0)} ms of it`,
            } satisfies Figure,
          ]
        : []),
      {
        ...base,
        id: 'parse-corpus',
        label: 'Nix parse throughput, test corpus (many small files)',
        ours: j.corpusMedianMBps,
        ratio: nixCorpusRatio,
        peerName: 'nix-instantiate --parse',
        target: undefined,
        note: `ratio = nix-instantiate time / ours on the same files (${j.nixCorpusSeconds?.toFixed(3)} s vs ${j.oursCorpusSeconds?.toExponential(2)} s; process start dominates theirs)`,
      },
      {
        id: 'parse-linearity',
        label: 'Nix parse linearity, 10× input',
        unit: '× time',
        ours: j.linearityTimeRatio10x,
        target: '≤ 12×',
        met: j.linearityTimeRatio10x <= 12,
        note: `10 MB parse vs the mean of ten 1 MB parses whose trees are kept (the same live tree); against one lone 1 MB parse, whose tree dies young: ×${j.linearityFreshHeapRatio10x ?? 'n/a'}; parser work counter ×${j.linearityWorkRatio10x}`,
      },
    ];
  }
  const tail = (run.output ?? '').split('\n').filter(Boolean).slice(-6).join(' / ');
  return [{ ...base, met: undefined, note: `${run.ok ? '' : 'bench/nix-parse.ts failed; '}its output: ${tail || '(none)'}${json ? `; JSON: ${JSON.stringify(json).slice(0, 400)}` : ''}` }];
}

const START = '<!-- bench:table:start -->';
const END = '<!-- bench:table:end -->';

export function updateReadme(table: string, date: string, machine: Record<string, unknown>, durationS: number): void {
  const file = path.join(repoRoot, 'bench', 'README.md');
  const text = readFileSync(file, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) return;
  const block = `${START}\nRun of ${date} on ${machine.cpus} × ${String(machine.model)}, Node ${String(machine.node)}, ${String(machine.memGB)} GB; load average ${String(machine.loadAverageAtStart)} at the start, ${String(machine.loadAverageAtEnd)} at the end; the whole run took ${durationS} s.\n\n${table}\n`;
  writeFileSync(file, text.slice(0, a) + block + text.slice(b));
}
