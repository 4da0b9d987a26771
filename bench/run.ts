// `npm run bench`: generates the synthetic homelabs, measures our language
// server over LSP stdio (each measurement set in its own server process) and
// its peers, prints one table (ours, peer, ratio, target, met?), writes
// bench/results.json and the table into bench/README.md. Asserts nothing.
//
// Options: --quick (fewer runs), --profile (every server process of ours
// writes a CPU profile into bench/.profiles), --only=cold,discovery,edit,
// features,validation,parse,activation,package,options,truth (comma-separated subset),
// fleet (the issue-25 figures at 1,000 machines, and 10,000 in a full run;
// --fleet-sizes=10000 picks the sizes),
// HOMELAB_BENCH_HM / HOMELAB_BENCH_TREE2 / HOMELAB_BENCH_NIXPKGS_LIB: the trees
// that `truth` measures against Nix (bench/optionTruth; "not run" without them),
// --no-readme. A run with --only (and neither --quick nor --profile) merges its
// figures into bench/results.json by id, keeping the others.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateAll, generatedRoot, GeneratedHomelab, repoRoot, SIZES, LARGE_PROFILE_LINES } from './generate';
import { generateFlake, GeneratedFlake, FLAKE_HOSTS } from './generateFlake';
import { generateFlakeParts } from './generateFlakeParts';

const FLAKE_PARTS_HOSTS = 1000;
import { cliMachines, coldStart, ColdStart, discoveryColdStart, DiscoveryStart, editLatency, ourServer, Options, requestLatency, startAndSettle, useServerBundle, validateOurs } from './measure';
import { measureActivation } from './activation';
import { measureHomeManagerIndex, measureOptions } from './options';
import { measureOptionTruth } from './optionTruth';
import { configureYamlLs, ensureYamlLs, runNixParse, validateYamlLs, vsixSize, yamlLsProcess, YAML_LS_VERSION } from './peers';
import { fleetSession, FleetSession, InventoryOpen, openInventoryDuringStart, TYPED_KEY, TYPING_PAUSES_MS } from './fleet';
import { generateHomelab } from './generate';
import { fileUri } from './lsp';
import { round, sleep, Stat, stat } from './stats';
import { Figure, formatTable, nixParseFigures, updateReadme } from './report';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const profile = args.includes('--profile');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (part: string): boolean => !only || only.includes(part);

const profilesDir = path.join(repoRoot, 'bench', '.profiles');
const opts: Options = {
  env: process.env,
  nodeArgs: profile ? ['--cpu-prof', `--cpu-prof-dir=${profilesDir}`] : [],
};

const figures: Figure[] = [];
const log = (s: string): void => console.log(`[bench ${(performance.now() / 1000).toFixed(0).padStart(3)} s] ${s}`);

const COLD_RUNS: Record<number, [number, number]> = quick
  ? { 10: [1, 3], 100: [1, 3], 1000: [1, 3], 5000: [0, 1] }
  : { 10: [1, 5], 100: [1, 5], 1000: [1, 5], 5000: [1, 2] };
const EDIT_RUNS: [number, number] = quick ? [2, 10] : [3, 20];
const REQUEST_RUNS: [number, number] = quick ? [4, 14] : [4, 20];
const VALIDATION_RUNS: [number, number] = quick ? [1, 3] : [1, 5];
/** Server processes per fleet size, and edits (warm-up, measured) per process. */
const FLEET_PROCESSES = quick ? 2 : 3;
const FLEET_EDITS: [number, number] = quick ? [10, 40] : [10, 60];
const fleetArg = args.find((a) => a.startsWith('--fleet-sizes='))?.slice(14);
const FLEET_SIZES = fleetArg ? fleetArg.split(',').map(Number) : quick ? [1000] : [1000, 10000];
/** The issue-25 goals, by fleet size. */
const FLEET_GOALS: Record<number, { first: number; edit: number; completion: number; rss?: number; inventoryRatio?: number }> = {
  1000: { first: 500, edit: 5, completion: 10 },
  10000: { first: 1500, edit: 5, completion: 15, rss: 300, inventoryRatio: 10 },
};
const INVENTORY_OPEN_AFTER_MS = 3000;
const DISCOVERY_RUNS: [number, number] = quick ? [1, 3] : [1, 7];
/** The CLI bundle measured (run.ts snapshots it beside the server's). */
let cliBundle = path.join(repoRoot, 'dist', 'cli.js');

async function coldStarts(homelabs: Map<number, GeneratedHomelab>): Promise<void> {
  for (const n of SIZES) {
    const h = homelabs.get(n);
    if (!h) continue;
    const [warmup, runs] = COLD_RUNS[n];
    const all: ColdStart[] = [];
    let error: string | undefined;
    for (let i = 0; i < warmup + runs; i++) {
      try {
        const r = await coldStart(h.dir, opts);
        if (i >= warmup) all.push(r);
      } catch (e) {
        error = e instanceof Error ? e.message.split('\n')[0] : String(e);
        break;
      }
    }
    const ms = stat(all.map((r) => r.ms));
    const rss = stat(all.map((r) => r.rssMb));
    const cpu = stat(all.map((r) => r.cpuMs));
    const published = all[0]?.published ?? 0;
    log(`cold start N=${n}: ${ms.median} ms (p95 ${ms.p95}), CPU ${cpu.median} ms, RSS ${rss.median} MB, ${published} files with diagnostics${error ? `; ${error}` : ''}`);
    const target = n === 1000 ? '< 2000 ms' : n === 5000 ? 'works, printed' : undefined;
    figures.push({
      id: `cold-start-${n}`,
      label: `Cold start, N=${n} (${h.files} files)`,
      unit: 'ms',
      ours: ms,
      target,
      met: n === 1000 ? ms.median < 2000 && ms.p95 < 2000 : n === 5000 ? all.length > 0 : undefined,
      note: `initialize → progress end; CPU ${cpu.median} ms; initialize answered after ${stat(all.map((r) => r.initializeMs)).median} ms; ${published} files published diagnostics${error ? `; ${error}` : ''}`,
    });
    figures.push({
      id: `rss-${n}`,
      label: `Peak RSS after cold start, N=${n}`,
      unit: 'MB',
      ours: rss,
      target: n === 1000 ? '< 200 MB' : undefined,
      met: n === 1000 ? rss.p95 < 200 : undefined,
      note: 'VmHWM of the server process',
    });
  }
}

/** Discovery on the generated flake fleet: initialize → complete topology, → progress end, RSS; and `homelab-check machines`. */
async function discovery(f: GeneratedFlake, shape = ''): Promise<void> {
  const idOf = (id: string): string => (shape ? `${id}-${shape}` : id);
  const [warmup, runs] = DISCOVERY_RUNS;
  const all: DiscoveryStart[] = [];
  let error: string | undefined;
  for (let i = 0; i < warmup + runs; i++) {
    try {
      const r = await discoveryColdStart(f.dir, f.machines, opts);
      if (i >= warmup) all.push(r);
    } catch (e) {
      error = e instanceof Error ? e.message.split('\n')[0] : String(e);
      break;
    }
  }
  const topo = stat(all.map((r) => r.topologyMs));
  const end = stat(all.map((r) => r.endMs));
  const rss = stat(all.map((r) => r.rssMb));
  const topoCpu = stat(all.map((r) => r.topologyCpuMs));
  const endCpu = stat(all.map((r) => r.cpuMs));
  const init = stat(all.map((r) => r.initializeMs));
  const read = stat(all.map((r) => r.readMs));
  const readCpu = stat(all.map((r) => r.readCpuMs));
  const namesFirst = all.some((r) => r.namesFirst) ? `names first (marked reading); every machine read after ${read.median} ms (p95 ${read.p95}), CPU ${readCpu.median} ms` : 'answered read';
  const requests = [...new Set(all.map((r) => r.requests))].sort((a, b) => a - b).join('–');
  const answerKb = all.length ? round(all[all.length - 1].answerChars / 1024) : NaN;
  const published = all[0]?.published ?? 0;
  const what = `${f.files}-file ${shape ? `${shape} ` : ''}flake, ${f.hosts} machines`;
  log(`discovery ${what}: topology ${topo.median} ms (p95 ${topo.p95}), CPU ${topoCpu.median} ms, ${namesFirst}; progress end ${end.median} ms (p95 ${end.p95}), CPU ${endCpu.median} ms; RSS ${rss.median} MB; ${requests} topology request(s), answer ${answerKb} KB; ${published} files with diagnostics${error ? `; ${error}` : ''}`);
  figures.push({
    id: idOf('discovery-topology'),
    label: `Discovery cold start → topology, ${what}`,
    unit: 'ms',
    ours: topo,
    target: '≤ 1 s',
    met: all.length > 0 && topo.median <= 1000 && topo.p95 <= 1000,
    note: `initialize → the first homelab/topology answer listing all ${f.hosts} machines (asked as the extension does: once initialize is answered, again on each homelab/topologyChanged; ${requests} request(s) per run); CPU ${topoCpu.median} ms by then; ${namesFirst}; initialize answered after ${init.median} ms; answer ${answerKb} KB${error ? `; ${error}` : ''}`,
  });
  figures.push({
    id: idOf('discovery-cold-start'),
    label: `Discovery cold start → progress end, ${what}`,
    unit: 'ms',
    ours: end,
    note: `initialize → work-done progress end (first whole-workspace check published), same processes as the topology figure; CPU ${endCpu.median} ms; ${published} files published diagnostics`,
  });
  figures.push({
    id: idOf('discovery-rss'),
    label: `Peak RSS after discovery cold start, ${what}`,
    unit: 'MB',
    ours: rss,
    note: 'VmHWM of the server process at the progress end',
  });
  const cli: number[] = [];
  let cliNote = '';
  for (let i = 0; i < warmup + runs; i++) {
    try {
      const r = cliMachines(cliBundle, f.dir);
      if (r.machines !== f.hosts) cliNote = `; it listed ${r.machines} machines, not ${f.hosts}`;
      if (i >= warmup) cli.push(r.ms);
    } catch (e) {
      cliNote = `; ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
      break;
    }
  }
  const c = stat(cli);
  log(`homelab-check machines ${what}: ${c.median} ms (p95 ${c.p95})${cliNote}`);
  figures.push({
    id: idOf('discovery-cli'),
    label: `homelab-check machines, ${what}`,
    unit: 'ms',
    ours: c,
    note: `wall time of \`node dist/cli.js machines <dir>\` for reference (process start and the model, no rules)${cliNote}`,
  });
}

async function edits(h: GeneratedHomelab): Promise<void> {
  const c = ourServer(opts);
  try {
    await startAndSettle(c, h.dir);
    const cases: { id: string; label: string; file: string; key: string; target: number; lines: number }[] = [
      { id: 'edit-small', label: `Edit → diagnostics, small profile (${h.lines.smallProfile} lines), N=1000`, file: h.smallProfile, key: 'defaultGateway', target: 30, lines: h.lines.smallProfile },
      { id: 'edit-large', label: `Edit → diagnostics, ${h.lines.monitoringProfile}-line profile, N=1000`, file: h.monitoringProfile, key: 'prometheusRetention', target: 80, lines: h.lines.monitoringProfile },
    ];
    for (const e of cases) {
      const r = await editLatency(c, e.file, e.key, EDIT_RUNS[0], EDIT_RUNS[1]);
      const s = stat(r.samples);
      log(`${e.id}: ${s.median} ms (p95 ${s.p95})${r.note ? `; ${r.note}` : ''}`);
      figures.push({
        id: e.id,
        label: e.label,
        unit: 'ms',
        ours: s,
        target: `p95 ≤ ${e.target} ms`,
        met: s.runs > 0 ? s.p95 <= e.target : false,
        note:
          r.note ??
          `one-character typo/repair of \`${e.key}\`, didChange → publishDiagnostics of that version, server idle before each edit; typo (unknown-setting appears) ${stat(r.typo).median} / ${stat(r.typo).p95} ms, repair (it goes away) ${stat(r.repair).median} / ${stat(r.repair).p95} ms`,
      });
    }
  } finally {
    await c.stop();
  }
}

async function features(h: GeneratedHomelab): Promise<void> {
  const c = ourServer(opts);
  try {
    const caps = (await c.initialize(h.dir)).capabilities;
    await c.next((m) => m.method === '$/progress' && (m.params as { value?: { kind?: string } }).value?.kind === 'end', 240_000).catch(() => undefined);
    await c.ping();
    const file = h.smallProfile;
    const uri = fileUri(file);
    const original = readFileSync(file, 'utf8');
    // Setting completion: a new key being typed after `hostname`. IP completion:
    // an emptied `ipAddress` value. Hover/definition: an application's flag.
    const hostLine = original.indexOf('\n', original.indexOf('hostname = ')) + 1;
    const typingKey = original.slice(0, hostLine) + '    gra\n' + original.slice(hostLine);
    const emptyIp = original.replace(/ipAddress = "[^"]*";/, 'ipAddress = "";');
    const appKey = /\n {4}(\w+Enable) = true;/.exec(original);
    const version = { v: 0 };
    const cases: { id: string; label: string; method: string; cap: string; text: string; cursor: number; typing?: string; target?: number }[] = [
      { id: 'completion-setting', label: 'Completion at a setting name, N=1000', method: 'textDocument/completion', cap: 'completionProvider', text: typingKey, cursor: hostLine + '    gra'.length, typing: 'f', target: 15 },
      { id: 'completion-ip', label: 'Completion at an IP value, N=1000', method: 'textDocument/completion', cap: 'completionProvider', text: emptyIp, cursor: emptyIp.indexOf('ipAddress = "') + 'ipAddress = "'.length, typing: '1', target: 15 },
      { id: 'hover', label: 'Hover on a setting, N=1000', method: 'textDocument/hover', cap: 'hoverProvider', text: original, cursor: appKey ? (appKey.index ?? 0) + 7 : -1 },
      { id: 'definition', label: 'Definition of a setting, N=1000', method: 'textDocument/definition', cap: 'definitionProvider', text: original, cursor: appKey ? (appKey.index ?? 0) + 7 : -1 },
    ];
    for (const k of cases) {
      if (!caps[k.cap]) {
        figures.push({ id: k.id, label: k.label, unit: 'ms', target: k.target ? `p95 ≤ ${k.target} ms` : undefined, met: k.target ? false : undefined, note: `n/a: the server does not advertise ${k.cap}` });
        log(`${k.id}: n/a (no ${k.cap})`);
        continue;
      }
      version.v++;
      c.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'nix', version: version.v, text: k.text } });
      await sleep(350);
      await c.ping();
      const r = await requestLatency(c, uri, k.text, k.cursor, k.method, { warmup: REQUEST_RUNS[0], runs: REQUEST_RUNS[1], typing: k.typing, version });
      // The same request without an edit before it: the feature's own cost.
      const idle = k.typing ? stat((await requestLatency(c, uri, k.text, k.cursor, k.method, { warmup: 2, runs: REQUEST_RUNS[1] / 2, version })).samples) : undefined;
      c.notify('textDocument/didClose', { textDocument: { uri } });
      const s = stat(r.samples);
      log(`${k.id}: ${s.median} ms (p95 ${s.p95})${idle ? ` (idle: ${idle.median} / ${idle.p95})` : ''}, answer size ${r.answer}${r.note ? `; ${r.note}` : ''}`);
      const what = k.method === 'textDocument/completion' ? `${r.answer} items` : k.method === 'textDocument/hover' ? `${r.answer} characters` : `${r.answer} locations`;
      figures.push({
        id: k.id,
        label: k.label,
        unit: 'ms',
        ours: s,
        target: k.target ? `p95 ≤ ${k.target} ms` : undefined,
        met: k.target ? s.runs > 0 && s.p95 <= k.target : undefined,
        note:
          r.note ??
          `request → response${k.typing ? `, each right after a one-character didChange (as an editor sends them); without the edit before it: ${idle?.median} / ${idle?.p95} ms` : ''}; answer: ${what}`,
      });
    }
  } finally {
    await c.stop();
  }
}

async function validation(dir: string, file: string, lines: number): Promise<void> {
  const [warmup, runs] = VALIDATION_RUNS;
  const ours = await validateOurs(dir, file, warmup, runs, opts);
  const o = stat(ours.samples);
  const peer = ensureYamlLs();
  let t: Stat | undefined;
  let note = `ours: only the rules inventory-schema and yaml-syntax on (homelab.rules), ${ours.diagnostics} diagnostic(s)`;
  if ('bin' in peer) {
    const theirs = await validateYamlLs(peer.bin, dir, file, warmup, runs);
    t = stat(theirs.samples);
    note += `; yaml-language-server ${YAML_LS_VERSION}: same schema by modeline, validate only, ${theirs.diagnostics} diagnostic(s)${theirs.note ? ` (${theirs.note})` : ''}`;
  } else note += `; peer unavailable: ${peer.error}`;
  const ratio = t && o.median > 0 ? round(t.median / o.median, 2) : undefined;
  log(`validation: ours ${o.median} ms, yaml-language-server ${t?.median ?? 'n/a'} ms, ratio ${ratio ?? 'n/a'}`);
  figures.push({
    id: 'inventory-validation',
    label: `Inventory validation, ${lines}-line homelab.yaml`,
    unit: 'ms',
    ours: o,
    peer: t,
    peerName: `yaml-language-server ${YAML_LS_VERSION}`,
    ratio,
    target: 'ratio ≥ 3 (peer / ours)',
    met: ratio !== undefined ? ratio >= 3 : false,
    note: `didOpen → non-empty publishDiagnostics; ${note}`,
  });
}

/** The issue-25 probe's figures on a generated homelab of `h.n` machines (bench/fleet.ts). */
async function fleet(h: GeneratedHomelab): Promise<void> {
  const n = h.n;
  const goal = FLEET_GOALS[n] ?? FLEET_GOALS[1000];
  const sessions: FleetSession[] = [];
  let error: string | undefined;
  const load = round(os.loadavg()[0], 2);
  for (let i = 0; i < FLEET_PROCESSES; i++) {
    try {
      const r = await fleetSession(h.dir, h.smallProfile, FLEET_EDITS[0], FLEET_EDITS[1], opts);
      sessions.push(r);
      log(`fleet N=${n} run ${i + 1}: first diagnostics ${round(r.firstDiagnosticsMs)} ms${r.firstHadTypo ? '' : ' (without the typo!)'}, settled ${round(r.settledMs)} ms, edit p95 ${stat(r.edits).p95} ms, completion p95 ${stat(r.completions).p95} ms, RSS ${r.rssMb} MB${r.note ? `; ${r.note}` : ''}`);
      if (r.note) error = r.note;
    } catch (e) {
      error = e instanceof Error ? e.message.split('\n')[0] : String(e);
      log(`fleet N=${n} run ${i + 1}: ${error}`);
      break;
    }
  }
  const first = stat(sessions.map((s) => s.firstDiagnosticsMs));
  const settled = stat(sessions.map((s) => s.settledMs));
  const edit = stat(sessions.flatMap((s) => s.edits));
  const completion = stat(sessions.flatMap((s) => s.completions));
  const rss = stat(sessions.map((s) => s.rssMb));
  const typoSeen = sessions.every((s) => s.firstHadTypo);
  const conditions = `${sessions.length} server process(es); load average ${load} when the figure started${error ? `; ${error}` : ''}`;
  const fleetName = `N=${n} (${h.files} files)`;
  figures.push({
    id: `fleet-first-diagnostics-${n}`,
    label: `First diagnostics after start, small profile opened with a typo, ${fleetName}`,
    unit: 'ms',
    ours: first,
    target: `≤ ${goal.first} ms`,
    met: first.runs > 0 && typoSeen ? first.median <= goal.first : false,
    note: `initialize sent → the first non-empty publishDiagnostics of a ${h.lines.smallProfile}-line profile opened (didOpen right after initialize was answered) with \`${TYPED_KEY}\` misspelt${typoSeen ? ' (the set held unknown-setting)' : ' (a set WITHOUT the typo came first)'}; met on the median; the start-up's progress end came after ${settled.median} ms; ${conditions}`,
  });
  figures.push({
    id: `fleet-edit-${n}`,
    label: `Edit → diagnostics while typing, ${fleetName}`,
    unit: 'ms',
    ours: edit,
    target: `p95 ≤ ${goal.edit} ms`,
    met: edit.runs > 0 ? edit.p95 <= goal.edit : false,
    note: `one-character typo/repair of \`${TYPED_KEY}\` in that profile, didChange → publishDiagnostics of that version; edits back to back (the next once the last one's diagnostics and completion are back, after a pause cycling ${TYPING_PAUSES_MS.join('/')} ms, so the whole check starts twice in ten edits and the next keystroke lands in it); ${FLEET_EDITS[1]} edits per process after ${FLEET_EDITS[0]} unmeasured; ${conditions}`,
  });
  figures.push({
    id: `fleet-completion-${n}`,
    label: `Completion right after each edit, ${fleetName}`,
    unit: 'ms',
    ours: completion,
    target: `p95 ≤ ${goal.completion} ms`,
    met: completion.runs > 0 ? completion.p95 <= goal.completion : false,
    note: `textDocument/completion at the end of the key just edited, sent right after each didChange of the edit figure → its answer (${sessions[0]?.completionItems ?? 0} items); ${conditions}`,
  });
  figures.push({
    id: `fleet-rss-${n}`,
    label: `Server peak RSS, ${fleetName}`,
    unit: 'MB',
    ours: rss,
    target: goal.rss ? `≤ ${goal.rss} MB` : undefined,
    met: goal.rss ? rss.runs > 0 && rss.max <= goal.rss : undefined,
    note: `VmHWM of the server process after start-up and the typing session; met on the largest run; ${conditions}`,
  });
  await inventoryOpen(h, goal.inventoryRatio);
}

/** The fleet's own homelab.yaml opened 3 s after start, all rules on: ours vs yaml-language-server. */
async function inventoryOpen(h: GeneratedHomelab, targetRatio: number | undefined): Promise<void> {
  const runs = quick ? 1 : 3;
  const ours: InventoryOpen[] = [];
  const theirs: InventoryOpen[] = [];
  let error: string | undefined;
  const peer = ensureYamlLs();
  const load = round(os.loadavg()[0], 2);
  for (let i = 0; i < runs; i++) {
    const c = ourServer(opts);
    try {
      ours.push(await openInventoryDuringStart(c, h.dir, h.inventory, INVENTORY_OPEN_AFTER_MS));
    } catch (e) {
      error = `ours: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    } finally {
      await c.stop();
    }
    if (!('bin' in peer)) continue;
    const y = yamlLsProcess(peer.bin);
    try {
      theirs.push(await openInventoryDuringStart(y, h.dir, h.inventory, INVENTORY_OPEN_AFTER_MS, configureYamlLs));
    } catch (e) {
      error = `yaml-language-server: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    } finally {
      await y.stop();
    }
  }
  const o = stat(ours.map((r) => r.ms));
  const t = theirs.length ? stat(theirs.map((r) => r.ms)) : undefined;
  const ratio = t && o.runs > 0 && o.median > 0 ? round(t.median / o.median, 2) : undefined;
  log(`inventory open N=${h.n}: ours ${o.median} ms, yaml-language-server ${t?.median ?? 'n/a'} ms, ratio ${ratio ?? 'n/a'}${error ? `; ${error}` : ''}`);
  figures.push({
    id: `fleet-inventory-open-${h.n}`,
    label: `The fleet's own homelab.yaml (${h.n} machines, ${h.lines.inventory} lines) opened 3 s after start, all rules on`,
    unit: 'ms',
    ours: o,
    peer: t,
    peerName: `yaml-language-server ${YAML_LS_VERSION}`,
    ratio,
    target: targetRatio ? `ratio ≥ ${targetRatio} (peer / ours)` : undefined,
    met: targetRatio ? (ratio !== undefined ? ratio >= targetRatio : false) : undefined,
    note: `each server started on the fleet's folder, the inventory opened ${INVENTORY_OPEN_AFTER_MS} ms after initialize was sent (ours is still starting up at 10,000 machines) with one schema error (a vmid that is not a number), didOpen → its non-empty publishDiagnostics; ours with its default settings (every rule on), ${ours[0]?.diagnostics ?? 0} diagnostic(s); yaml-language-server with the same schema by modeline, validate only, ${theirs[0]?.diagnostics ?? 0} diagnostic(s)${'bin' in peer ? '' : `; peer unavailable: ${peer.error}`}; ${runs} fresh process(es) each; load average ${load}${error ? `; ${error}` : ''}`,
  });
}

async function activation(): Promise<void> {
  const runs = quick ? 1 : 3;
  log(`activation in code-server (${runs} run${runs > 1 ? 's' : ''})…`);
  const m = await measureActivation(runs);
  const s = m.activationMs.length ? stat(m.activationMs) : undefined;
  const host = m.hostUptimeMs.length ? stat(m.hostUptimeMs) : undefined;
  figures.push({
    id: 'activation',
    label: 'Extension activation (real VS Code: code-server 4.100)',
    unit: 'ms',
    ours: s,
    target: '< 200 ms',
    met: s ? s.p95 < 200 : undefined,
    note: s
      ? `the extension's own activationMs (its activate() on the extension host, language client started, no work before the server answers), the example homelab opened, ${s.runs} code-server start(s)${host ? `; the extension host had been up ${host.median} ms when activation was seen` : ''}`
      : `n/a: ${m.error ?? 'no figure'} (npm test caches code-server; bench/activation.ts)`,
  });
  log(`activation ${s ? `${s.median} ms (p95 ${s.p95})` : `n/a: ${m.error}`}`);
}

function packaging(): void {
  const v = vsixSize();
  figures.push({
    id: 'vsix-size',
    label: '.vsix size',
    unit: 'KB',
    ours: 'bytes' in v ? round(v.bytes / 1024) : undefined,
    target: '< 1024 KB',
    met: 'bytes' in v ? v.bytes < 1024 * 1024 : false,
    note: 'bytes' in v ? `scripts/package.mjs --out ${v.file}` : v.error,
  });
  log(`vsix ${'bytes' in v ? v.bytes : v.error}`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const load0 = os.loadavg()[0];
  // Another build may be rewriting dist/ right now (it is emptied first): wait for it a little.
  for (let i = 0; i < 60 && !existsSync(path.join(repoRoot, 'dist', 'server.js')); i++) await sleep(1000);
  if (!existsSync(path.join(repoRoot, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run `npm run build` (npm run bench does).');
  await sleep(500);
  // Measure one build from start to end, even if dist/ is rebuilt meanwhile
  // (the bundle is self-contained: schemas and catalog are inlined).
  const snapshot = path.join(repoRoot, 'bench', '.generated', 'server', 'server.js');
  mkdirSync(path.dirname(snapshot), { recursive: true });
  // server.js launches serverMain.js (through V8's code cache, primed by each figure's warm-up run).
  for (const bundle of ['server.js', 'serverMain.js']) {
    const from = path.join(repoRoot, 'dist', bundle);
    const to = path.join(path.dirname(snapshot), bundle);
    if (existsSync(from)) copyFileSync(from, to);
    if (existsSync(from + '.map')) copyFileSync(from + '.map', to + '.map');
  }
  useServerBundle(snapshot);
  // The CLI too (its dependencies resolve from the repository's node_modules, above bench/.generated).
  if (existsSync(path.join(repoRoot, 'dist', 'cli.js'))) {
    cliBundle = path.join(path.dirname(snapshot), 'cli.js');
    copyFileSync(path.join(repoRoot, 'dist', 'cli.js'), cliBundle);
  }
  if (profile) {
    rmSync(profilesDir, { recursive: true, force: true });
    mkdirSync(profilesDir, { recursive: true });
  }
  log('generating homelabs…');
  const set = generateAll();
  for (const h of set.homelabs.values()) log(`  N=${h.n}: ${h.files} files, inventory ${h.lines.inventory} lines, monitoring profile ${h.lines.monitoringProfile} lines`);
  log(`  inventory-10k: ${set.inventory.lines} lines, ${set.inventory.containers} containers`);
  const h1000 = set.homelabs.get(1000);
  if (!h1000) throw new Error('no N=1000 homelab');
  const flake = wants('discovery') ? generateFlake(FLAKE_HOSTS, path.join(generatedRoot, `flake-${FLAKE_HOSTS}`)) : undefined;
  if (flake) log(`  flake-${FLAKE_HOSTS}: ${flake.files} files (${flake.hosts} machines, ${flake.modules} modules), ${flake.lines} lines`);

  if (wants('cold')) await coldStarts(set.homelabs);
  if (flake) await discovery(flake);
  // flake-parts: 1,000 machines declared in imported module files (bench/generateFlakeParts.ts).
  const parts = wants('discovery') ? generateFlakeParts(FLAKE_PARTS_HOSTS, path.join(generatedRoot, `flake-parts-${FLAKE_PARTS_HOSTS}`)) : undefined;
  if (parts) log(`  flake-parts-${FLAKE_PARTS_HOSTS}: ${parts.files} files (${parts.hosts} machines, ${parts.modules} modules), ${parts.lines} lines`);
  if (parts) await discovery(parts, 'flake-parts');
  if (wants('edit')) await edits(h1000);
  if (wants('features')) await features(h1000);
  if (wants('fleet'))
    for (const n of FLEET_SIZES) {
      const h = set.homelabs.get(n) ?? generateHomelab(n, path.join(generatedRoot, `homelab-${n}`));
      log(`  fleet N=${n}: ${h.files} files, inventory ${h.lines.inventory} lines`);
      await fleet(h);
    }
  if (wants('validation')) await validation(set.inventory.dir, set.inventory.file, set.inventory.lines);
  if (wants('activation')) await activation();
  if (wants('package')) packaging();
  if (wants('options')) {
    log('option index (bench/options.ts)…');
    figures.push(...(await measureOptions(quick, log)));
    figures.push(...(await measureHomeManagerIndex(process.env.HOMELAB_BENCH_HM, quick, log)));
  }
  if (wants('truth')) {
    // Nix's own option set of whole trees beside our index (bench/optionTruth): only when given the trees.
    log('options as Nix sees them (bench/optionTruth)…');
    const env = process.env;
    figures.push(...(await measureOptionTruth({ hm: env.HOMELAB_BENCH_HM, tree2: env.HOMELAB_BENCH_TREE2, lib: env.HOMELAB_BENCH_NIXPKGS_LIB, stock: true }, log)));
  }
  // Last, so a slow or failing parser bench cannot disturb the other figures; listed first.
  if (wants('parse')) {
    log('parse throughput (bench/nix-parse.ts, the Nix parser\'s own bench)…');
    figures.unshift(...nixParseFigures(runNixParse()));
  }

  const results = {
    date: new Date().toISOString(),
    durationS: Math.round((Date.now() - started) / 1000),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageAtStart: round(load0, 2), loadAverageAtEnd: round(os.loadavg()[0], 2) },
    options: { quick, profile },
    workloads: {
      sizes: [...set.homelabs.values()].map((h) => ({ n: h.n, files: h.files, inventoryLines: h.lines.inventory, monitoringProfileLines: h.lines.monitoringProfile, defaultsLines: h.lines.defaults })),
      largeProfileLines: LARGE_PROFILE_LINES,
      largeInventoryLines: set.inventory.lines,
      ...(flake ? { flake: { hosts: flake.hosts, files: flake.files, modules: flake.modules, networks: flake.networks, exporters: flake.exporters, lines: flake.lines } } : {}),
    },
    figures,
  };
  const table = formatTable(figures);
  console.log('\n' + table + '\n');
  if (!quick && !profile && !only) {
    writeFileSync(path.join(repoRoot, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
    if (!args.includes('--no-readme')) updateReadme(table, results.date, results.machine, results.durationS);
    log('wrote bench/results.json and the table in bench/README.md');
  } else if (only && !quick && !profile) {
    // A partial run replaces its own figures in bench/results.json and keeps every other one.
    const file = path.join(repoRoot, 'bench', 'results.json');
    const kept = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as typeof results & { partialRuns?: unknown[] }) : { ...results, figures: [] as Figure[] };
    const merged = [...kept.figures];
    for (const f of figures) {
      const i = merged.findIndex((g) => g.id === f.id);
      if (i >= 0) merged[i] = f;
      else merged.push(f);
    }
    const partialRuns = [...(kept.partialRuns ?? []), { date: results.date, only, durationS: results.durationS, machine: results.machine, figures: figures.map((f) => f.id) }];
    writeFileSync(file, JSON.stringify({ ...kept, figures: merged, partialRuns }, null, 2) + '\n');
    if (!args.includes('--no-readme')) updateReadme(formatTable(merged), `${kept.date} (figures ${figures.map((f) => f.id).join(', ')} from a partial run of ${results.date})`, kept.machine, kept.durationS);
    log(`merged ${figures.length} figure(s) of this partial run into bench/results.json and the table in bench/README.md`);
  } else {
    const out = path.join(repoRoot, 'bench', '.generated', 'results.partial.json');
    writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
    log(`partial run (--quick/--profile/--only): results in ${path.relative(repoRoot, out)}, bench/results.json left alone`);
  }
  if (profile) log(`CPU profiles in ${path.relative(repoRoot, profilesDir)}; summarise with: node --import tsx bench/profile-summary.ts bench/.profiles`);
  log(`done in ${results.durationS} s`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
