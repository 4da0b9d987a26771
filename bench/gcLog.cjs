// Preloaded into the server by bench/memory.ts --gc-log (`node --require`): one
// line per full (and incremental-marking) collection of the main thread, with
// the heap's spaces and the RSS after it, appended to $HOMELAB_GC_LOG. Never
// stdout: that is the LSP channel. Scavenges only on request (thousands).
const { isMainThread } = require('node:worker_threads');
const { PerformanceObserver, performance, constants } = require('node:perf_hooks');
const v8 = require('node:v8');
const fs = require('node:fs');

if (isMainThread && process.env.HOMELAB_GC_LOG) {
  const fd = fs.openSync(process.env.HOMELAB_GC_LOG, 'a');
  // With HOMELAB_GC_LOG_MINOR=1 the scavenges too, one short line each (their pauses, behind a keystroke's tail).
  const minor = process.env.HOMELAB_GC_LOG_MINOR === '1';
  // The times are the server's performance.now(); this first line lets another process place them (bench/editWaits.ts).
  fs.writeSync(fd, `origin ${performance.timeOrigin}\n`);
  const mb = (n) => (n / 2 ** 20).toFixed(0);
  const rss = () => /VmRSS:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] / 1024;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = e.detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR && minor) {
        fs.writeSync(fd, `${e.startTime.toFixed(1).padStart(8)} ms minor ${e.duration.toFixed(2)} ms\n`);
        continue;
      }
      if (kind !== constants.NODE_PERFORMANCE_GC_MAJOR && kind !== constants.NODE_PERFORMANCE_GC_INCREMENTAL) continue;
      const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s]));
      const h = v8.getHeapStatistics();
      fs.writeSync(fd, `${performance.now().toFixed(0).padStart(6)} ms ${kind === constants.NODE_PERFORMANCE_GC_MAJOR ? 'full' : 'incr'} ${e.duration.toFixed(1)} ms: heap used ${mb(h.used_heap_size)} of ${mb(h.total_heap_size)} MB, old space used ${mb(spaces.old_space.space_used_size)} of ${mb(spaces.old_space.space_size)}, large objects ${mb(spaces.large_object_space.space_used_size)}, new space ${mb(spaces.new_space.space_size)}, RSS ${rss().toFixed(0)} MB\n`);
    }
  }).observe({ entryTypes: ['gc'] });
  // With HOMELAB_GC_LOG_EVERY=<ms>: the heap beside the RSS at that period, so
  // what is neither V8's heap nor its code (malloc: external buffers, parser
  // tables) shows between collections too.
  const every = Number(process.env.HOMELAB_GC_LOG_EVERY ?? 0);
  if (every > 0)
    setInterval(() => {
      const h = v8.getHeapStatistics();
      const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, s]));
      fs.writeSync(fd, `${performance.now().toFixed(0).padStart(6)} ms      heap used ${mb(h.used_heap_size)} of ${mb(h.total_heap_size)} MB (old ${mb(spaces.old_space.space_used_size)} of ${mb(spaces.old_space.space_size)}, code ${mb(spaces.code_space.space_size)}), external ${mb(h.external_memory)}, malloced ${mb(h.malloced_memory)} (peak ${mb(h.peak_malloced_memory)}), RSS ${rss().toFixed(0)} MB\n`);
    }, every).unref();
}
