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

process.on('SIGUSR2', () => {
  const before = bySite(post('HeapProfiler.getSamplingProfile').profile);
  if (global.gc) global.gc();
  const after = bySite(post('HeapProfiler.getSamplingProfile').profile);
  const mb = (n) => (n / 2 ** 20).toFixed(1).padStart(7);
  const total = (m) => [...m.values()].reduce((a, b) => a + b, 0);
  const rows = [...before].map(([k, v]) => [k, v, after.get(k) ?? 0]).sort((a, b) => (promoted ? b[2] - a[2] : b[1] - b[2] - (a[1] - a[2])));
  const top = Number(process.env.TOP ?? 40);
  const out = [];
  out.push(`in the heap at exit: ${mb(total(before))} MB, live after a full collection: ${mb(total(after))} MB\n  garbage    live  function\n`);
  for (const [k, b, a] of rows.slice(0, top)) out.push(`${mb(b - a)} ${mb(a)}  ${k}\n`);
  require('node:fs').appendFileSync(process.env.HOMELAB_SITES_OUT, out.join(''));
});
