// The Node.js flags the language server is started with: V8 reads them when
// it sets its heap up, before any code runs, so unlike the rest of the
// server's memory policy (protocol/start.ts) they cannot be set from inside.
// Every way the server is started passes them: the VS Code client (its
// `execArgv`), `homelab-language-server` for other editors (the launcher's
// `#!/usr/bin/env -S node …` line, scripts/build.mjs; a test checks they
// agree), and the benchmarks (bench/measure.ts), which measure what editors run.
//
// `--max-semi-space-size=8`: a young generation of 2 × 8 MB instead of
// V8's 2 × 16. The server's keystrokes and whole checks allocate short-lived
// work whose survivors (a rebuilt homelab, an address index) are copied at
// each young collection; with half the space a collection copies about half
// as much, so a keystroke that lands behind one waits about half as long,
// and the resident set is 16 MB smaller. Measured (bench/memory.ts, 10,000
// machines, interleaved runs): see CHANGELOG.md and the closing note of the
// round that set it.
//
// `--v8-pool-size=1`: one thread for V8's background work (compilation,
// concurrent marking and sweeping) instead of four. On a machine with few
// cores, four of them take cores from the thread that answers the editor:
// typing into 1,000 machines on 2 cores, a keystroke's main thread waited on
// the run queue (/proc/<pid>/task/<tid>/schedstat) about as long as V8's
// background threads ran meanwhile, often longer than it ran itself.
// Measured (bench/run.ts --quick, alternating rounds at load 0.3–2): edit
// p95 at 1,000 machines 5.5–6.7 → 3.7–6.1 ms (four runs), at 10,000
// 4.2–4.9 → 3.5–4.5; peak RSS at 10,000 285–295 → 282–289 MB; first
// diagnostics and the inventory's opening alike or faster. Lowering that
// one thread's priority as well (nice 19) helped at 1,000 machines but, its
// concurrent marking falling behind, slowed 10,000 (first diagnostics
// 750–820 → 960 ms, edit p95 3.5–4.3 → 5.3 ms): not done.
import flags from './serverNodeFlags.json';

export const SERVER_NODE_FLAGS: readonly string[] = flags;
