// The whole check after the bench's keystroke, in process: a generated fleet
// (bench/generate.ts) is checked once, then the small profile's
// `defaultGateway` key is typed wrong and right again, back and forth, and
// after each edit the keystroke's own check and the whole check run as the
// server runs them. Prints, per edit, the CPU time of the whole check, the
// young- and old-generation collections during it, and what it re-ran
// (the engine's counts): the work behind the edit-latency tail of
// bench/fleet.ts, without a server, a client or the other helpers' timing
// noise in the counts.
//
// Run: node --import tsx bench/afterEdit.ts [--n=1000] [--edits=20] [--counts] [--cpu-prof-after=<edits>]
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { generateHomelab, generatedRoot } from './generate';
import { nodeFsHost } from '../server/src/model/host';
import { Workspace } from '../server/src/model/workspace';
import { checkAll, checkDocumentQuick } from '../server/src/checks/run';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const n = Number(arg('n') ?? 1000);
const edits = Number(arg('edits') ?? 20);
const profileAfter = arg('cpu-prof-after');

const fleet = generateHomelab(n, path.join(generatedRoot, `after-edit-${n}`));
const ws = new Workspace(nodeFsHost());
ws.addFolder(pathToFileURL(fleet.dir).href);
const uri = pathToFileURL(fleet.smallProfile).href;
const text = readFileSync(fleet.smallProfile, 'utf8');
const KEY = 'defaultGateway';
const at = text.indexOf(`${KEY} =`);
if (at < 0) throw new Error(`no ${KEY} in ${fleet.smallProfile}`);
const typo = `${text.slice(0, at + KEY.length - 1)}Q${text.slice(at + KEY.length)}`;

let scavenges = 0;
let scavengeMs = 0;
let majors = 0;
let majorMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const kind = (e as unknown as { detail?: { kind?: number } }).detail?.kind;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
      scavenges++;
      scavengeMs += e.duration;
    } else {
      majors++;
      majorMs += e.duration;
    }
  }
}).observe({ entryTypes: ['gc'] });

const t0 = performance.now();
ws.setDocument(uri, typo, 1);
checkAll(ws);
console.log(`${n} machines: first whole check ${(performance.now() - t0).toFixed(0)} ms`);

const session = new Session();
session.connect();
const post = (method: string, params?: object): Promise<unknown> =>
  new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));

const cpu: number[] = [];
async function main(): Promise<void> {
  for (let i = 0; i < edits; i++) {
    if (profileAfter !== undefined && i === Number(profileAfter)) {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 100 });
      await post('Profiler.start');
    }
    const version = i + 2;
    const next = i % 2 === 0 ? text : typo;
    ws.setDocument(uri, next, version);
    checkDocumentQuick(ws, uri, [{ start: at + KEY.length - 1, oldEnd: at + KEY.length, newEnd: at + KEY.length }]);
    ws.engine.resetCounts();
    scavenges = scavengeMs = majors = majorMs = 0;
    // Let the observer's entries of the edit itself through before counting the check's.
    await new Promise((r) => setImmediate(r));
    scavenges = scavengeMs = majors = majorMs = 0;
    const c0 = process.cpuUsage();
    checkAll(ws);
    const c = process.cpuUsage(c0);
    await new Promise((r) => setImmediate(r));
    const ms = (c.user + c.system) / 1000;
    cpu.push(ms);
    const counts = ws.engine.recomputations();
    const ran = Object.keys(counts).filter((k) => k.startsWith('rule ')).length;
    console.log(
      `edit ${i}: check ${ms.toFixed(1)} ms CPU, ${scavenges} scavenges ${scavengeMs.toFixed(1)} ms, ${majors} major ${majorMs.toFixed(1)} ms, ${ran} rules` +
        (args.includes('--counts') ? ` ${JSON.stringify(counts)}` : ''),
    );
  }
  if (profileAfter !== undefined) {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    const out = path.join(generatedRoot, `after-edit-${n}.cpuprofile`);
    writeFileSync(out, JSON.stringify(profile));
    console.log(`profile: ${out}`);
  }
  const sorted = [...cpu].slice(2).sort((a, b) => a - b);
  console.log(
    `check CPU after the first two edits: min ${sorted[0].toFixed(1)} ms, median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
  );
}
void main();
