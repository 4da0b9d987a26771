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
import flags from './serverNodeFlags.json';

export const SERVER_NODE_FLAGS: readonly string[] = flags;
