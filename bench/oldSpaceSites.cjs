// Preloaded into the server by bench/memory.ts --sites (`node --expose-gc --require`):
// samples allocations (V8's sampling heap profiler) from the start, and on
// SIGUSR2, before and after a forced full collection, writes to
// $HOMELAB_SITES_OUT the functions whose
// allocations are still in the heap. Before the collection that is everything
// the old generation holds, garbage included (the profiler drops a sample only
// when its object is collected); after it, only what is live. The difference
// is the garbage that was promoted: what makes the old generation grow between
// full collections and so makes the peak RSS.
const inspector = require('node:inspector');
const promoted = process.env.HOMELAB_SITES_PROMOTED === '1';
const session = new inspector.Session();
session.connect();
const post = (method, params) => {
  let out;
  session.post(method, params ?? {}, (err, r) => {
    if (err) throw err;
    out = r;
  });
  return out;
};
post('HeapProfiler.enable');
post('HeapProfiler.startSampling', {
  samplingInterval: Number(process.env.SAMPLE_BYTES ?? 16384),
  includeObjectsCollectedByMajorGC: promoted,
});

const depth = Number(process.env.HOMELAB_SITES_DEPTH ?? 1);

function bySite(profile) {
  const sites = new Map();
  const walk = (node, stack) => {
    const f = node.callFrame;
    const frame = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    stack = [...stack, frame];
    const name = stack.slice(-depth).reverse().join(' < ');
    const self = node.selfSize;
    if (self) sites.set(name, (sites.get(name) ?? 0) + self);
    for (const c of node.children) walk(c, stack);
  };
  walk(profile.head, []);
  return sites;
}

// With HOMELAB_SITES_PROMOTED=1 each report counts what was promoted since the
// previous one (a first signal sent after the start-up's early full
// collections gives what fills the old generation before its next one).
let previous = new Map();
process.on('SIGUSR2', () => {
  const all = bySite(post('HeapProfiler.getSamplingProfile').profile);
  const before = promoted ? new Map([...all].map(([k, v]) => [k, v - (previous.get(k) ?? 0)])) : all;
  previous = all;
  const mb = (n) => (n / 2 ** 20).toFixed(1).padStart(7);
  const total = (m) => [...m.values()].reduce((x, y) => x + y, 0);
  const top = Number(process.env.TOP ?? 40);
  const out = [];
  if (promoted) {
    out.push(`promoted to the old generation since the previous report: ${mb(total(before))} MB\n`);
    for (const [k, v] of [...before].sort((x, y) => y[1] - x[1]).slice(0, top)) out.push(`${mb(v)}  ${k}\n`);
  } else {
    if (global.gc) global.gc();
    const after = bySite(post('HeapProfiler.getSamplingProfile').profile);
    const rows = [...before].map(([k, v]) => [k, v, after.get(k) ?? 0]).sort((x, y) => y[1] - y[2] - (x[1] - x[2]));
    out.push(`in the heap: ${mb(total(before))} MB, live after a full collection: ${mb(total(after))} MB\n  garbage    live  function\n`);
    for (const [k, v, l] of rows.slice(0, top)) out.push(`${mb(v - l)} ${mb(l)}  ${k}\n`);
  }
  require('node:fs').appendFileSync(process.env.HOMELAB_SITES_OUT, out.join(''));
});
