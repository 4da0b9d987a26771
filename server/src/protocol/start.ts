// Entry point of dist/server.js: runs the language server bundle
// (dist/serverMain.js, built from main.ts) through V8's code cache
// (codeCache.ts). Kept tiny: everything it imports is loaded before the cache helps.
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { codeCacheDir, runWithCodeCache, SAVE_CODE_CACHE, type LaunchedWith } from './codeCache';

// The server's memory policy, set before the bundle allocates anything. Its
// long-lived data (the model of every machine) is built from short-lived work
// done file after file: each profile's parse tree and evaluation die young.
// - V8 learns from a parse that keeps its tree (a large profile) to allocate
//   trees straight in the old generation ("pretenuring"); then every later
//   file's tree is garbage there, freed only by a full collection.
// - V8 lets the old generation grow to up to four times its live size before
//   a full collection; with ~200 MB live at 10,000 machines that peaked near
//   500 MB of RSS. A fifth of the live size again is the bound here.
// Measured (bench/memory.ts, 10,000 machines, interleaved runs): pretenuring
// off and a bound of 50% took the peak RSS from 477–497 to 397–409 MB at the
// same start-up CPU (7.3–8.0 s vs 7.6–8.4 s, load ~5); either flag alone
// costs (a bounded growth with pretenuring on is 1 s more CPU in full
// collections, pretenuring off alone gets to ~445 MB). Once the value trees
// kept their origins as offsets (a smaller live set), a bound of 20% against
// 50% gave 334–337 vs 354–390 MB for a little more CPU (9.0–10.9 s vs
// 8.8–9.6 s, load ~1); in the fleet bench the start-up's end came ~1 s later
// (7.5–8.6 vs 6.0–6.9 s, quick bench, two alternating rounds), with first
// diagnostics, typing and completion alike. The CLI keeps V8's defaults: it
// exits when done, so its speed counts more than its peak.
// A tenth, since (with a young generation of 2 × 8 MB, serverNodeFlags.ts,
// and the smaller value trees of that round): 10,000 machines, interleaved
// runs at load ~1, a peak of 285–297 MB in five runs of six (one 308)
// against 303–322 with a fifth, the start-up's background check ~1 s more
// CPU (9.5–10.8 s vs 8.7–8.9 s), first diagnostics and typing alike (edit
// p95 2.7–6.1 vs 4.1–5.4 ms). A twentieth gave no lower peak (292–293 MB).
v8.setFlagsFromString('--no-allocation-site-pretenuring');
v8.setFlagsFromString('--heap-growing-percent=10');

const dir = codeCacheDir();
const loaded = runWithCodeCache(path.join(__dirname, 'serverMain.js'), dir);
const launched: LaunchedWith = { fromCache: loaded.fromCache, dir, save: loaded.save };
(globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE] = launched;
