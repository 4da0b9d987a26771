// Groups a V8 heap snapshot (from bench/memory.ts --snapshot=…) by what holds
// the memory: self size per constructor (or node type for strings, arrays,
// code), and retained size per constructor through the dominator tree (Cooper,
// Harvey and Kennedy's iterative algorithm over typed arrays), so a group's
// figure says how much would go if its objects went. Also the largest single
// retainers; the memo slots of the query engine by query name (retained, what
// would go with them, and a first-claim split of everything the memos hold,
// each query's part grouped again); strings by content and what holds them.
//   node --max-old-space-size=8000 --import tsx bench/heapSummary.ts <file.heapsnapshot> [--top=40]
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const top = Number(process.argv.find((a) => a.startsWith('--top='))?.slice(6) ?? 40);
const snap = JSON.parse(readFileSync(file, 'utf8')) as {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] }; node_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
};
const meta = snap.snapshot.meta;
const NF = meta.node_fields.length;
const EF = meta.edge_fields.length;
const nType = meta.node_fields.indexOf('type');
const nName = meta.node_fields.indexOf('name');
const nSize = meta.node_fields.indexOf('self_size');
const nEdges = meta.node_fields.indexOf('edge_count');
const eType = meta.edge_fields.indexOf('type');
const eName = meta.edge_fields.indexOf('name_or_index');
const eTo = meta.edge_fields.indexOf('to_node');
const nodeTypes = meta.node_types[0];
const edgeTypes = meta.edge_types[0];
const weak = edgeTypes.indexOf('weak');
const shortcut = edgeTypes.indexOf('shortcut');
const count = snap.nodes.length / NF;
const nodes = Int32Array.from(snap.nodes);
const edgesRaw = snap.edges;

const firstEdge = new Int32Array(count + 1);
for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i] + nodes[i * NF + nEdges];
const edgeTo = new Int32Array(firstEdge[count]);
const edgeKind = new Int8Array(firstEdge[count]);
const edgeName = new Int32Array(firstEdge[count]);
for (let e = 0; e < firstEdge[count]; e++) {
  edgeTo[e] = edgesRaw[e * EF + eTo] / NF;
  edgeKind[e] = edgesRaw[e * EF + eType];
  edgeName[e] = edgesRaw[e * EF + eName];
}

/** The first property names of an object (its shape, roughly). */
function props(i: number): string[] {
  const out: string[] = [];
  for (let e = firstEdge[i]; e < firstEdge[i + 1] && out.length < 6; e++) if (edgeTypes[edgeKind[e]] === 'property') out.push(snap.strings[edgeName[e]]);
  return out;
}
function prop(i: number, name: string): number {
  for (let e = firstEdge[i]; e < firstEdge[i + 1]; e++) if (edgeTypes[edgeKind[e]] === 'property' && snap.strings[edgeName[e]] === name) return edgeTo[e];
  return -1;
}

function group(i: number): string {
  const t = nodeTypes[nodes[i * NF + nType]];
  const name = snap.strings[nodes[i * NF + nName]];
  if (t === 'closure') return `(closure) ${name}`;
  if (t === 'object') return name === 'Object' ? `Object{${props(i).join(',')}}` : name;
  if (t === 'string' || t === 'concatenated string' || t === 'sliced string') return '(string)';
  if (t === 'array') return `(array) ${name}`;
  if (t === 'hidden' || t === 'object shape') return `(${t}) ${name}`;
  return `(${t})`;
}

// Post-order DFS from the root (node 0) over strong edges.
const order = new Int32Array(count).fill(-1);
const post: number[] = [];
{
  const stack: number[] = [0];
  const iter = new Int32Array(count);
  const seen = new Uint8Array(count);
  seen[0] = 1;
  for (let i = 0; i < count; i++) iter[i] = firstEdge[i];
  while (stack.length) {
    const v = stack[stack.length - 1];
    if (iter[v] < firstEdge[v + 1]) {
      const e = iter[v]++;
      if (edgeKind[e] === weak || edgeKind[e] === shortcut) continue;
      const w = edgeTo[e];
      if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
      }
    } else {
      stack.pop();
      order[v] = post.length;
      post.push(v);
    }
  }
}
// Predecessors (strong edges, reachable nodes only).
const predCount = new Int32Array(count + 1);
for (let v = 0; v < count; v++) {
  if (order[v] < 0) continue;
  for (let e = firstEdge[v]; e < firstEdge[v + 1]; e++) if (edgeKind[e] !== weak && edgeKind[e] !== shortcut) predCount[edgeTo[e] + 1]++;
}
for (let i = 0; i < count; i++) predCount[i + 1] += predCount[i];
const preds = new Int32Array(predCount[count]);
{
  const fill = predCount.slice();
  for (let v = 0; v < count; v++) {
    if (order[v] < 0) continue;
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e++) if (edgeKind[e] !== weak && edgeKind[e] !== shortcut) preds[fill[edgeTo[e]]++] = v;
  }
}
const idom = new Int32Array(count).fill(-1);
idom[0] = 0;
for (let changed = true; changed; ) {
  changed = false;
  for (let k = post.length - 2; k >= 0; k--) {
    const v = post[k];
    let d = -1;
    for (let p = predCount[v]; p < predCount[v + 1]; p++) {
      let u = preds[p];
      if (idom[u] < 0) continue;
      if (d < 0) {
        d = u;
        continue;
      }
      let a = d;
      while (a !== u) {
        while (order[a] < order[u]) a = idom[a];
        while (order[u] < order[a]) u = idom[u];
      }
      d = a;
    }
    if (d >= 0 && idom[v] !== d) {
      idom[v] = d;
      changed = true;
    }
  }
}
const retained = new Float64Array(count);
for (const v of post) retained[v] += nodes[v * NF + nSize];
for (const v of post) if (v !== 0 && idom[v] >= 0) retained[idom[v]] += retained[v];

const self = new Map<string, { size: number; n: number }>();
const ret = new Map<string, number>();
let total = 0;
for (const v of post) {
  const g = group(v);
  const s = self.get(g) ?? { size: 0, n: 0 };
  s.size += nodes[v * NF + nSize];
  s.n++;
  self.set(g, s);
  total += nodes[v * NF + nSize];
  // Retained per group counts only the group's outermost objects (its own members below are inside).
  if (group(idom[v]) !== g) ret.set(g, (ret.get(g) ?? 0) + retained[v]);
}
const mb = (x: number): string => (x / 2 ** 20).toFixed(1).padStart(7);
console.log(`${count} nodes, reachable ${post.length}, total self ${mb(total)} MB`);
console.log('\nby self size:');
for (const [g, s] of [...self].sort((a, b) => b[1].size - a[1].size).slice(0, top)) console.log(`${mb(s.size)} MB ${String(s.n).padStart(9)}  ${g.slice(0, 100)}`);
console.log('\nby retained size (outermost of each group):');
for (const [g, r] of [...ret].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${mb(r)} MB  ${g.slice(0, 100)}`);
console.log('\nlargest single retainers:');
const byRet = post.filter((v) => retained[v] > 2 ** 20).sort((a, b) => retained[b] - retained[a]).slice(0, top);
for (const v of byRet) {
  // The path of edge names from the root, via dominators.
  const chain: string[] = [];
  for (let u = v, k = 0; u !== 0 && k < 6; u = idom[u], k++) {
    const d = idom[u];
    let label = '?';
    for (let e = firstEdge[d]; e < firstEdge[d + 1]; e++)
      if (edgeTo[e] === u) {
        const kind = edgeTypes[edgeKind[e]];
        label = kind === 'element' || kind === 'hidden' ? `[${edgeName[e]}]` : snap.strings[edgeName[e]];
        break;
      }
    chain.unshift(`${label}:${group(u).slice(0, 30)}`);
  }
  console.log(`${mb(retained[v])} MB  ${chain.join(' > ')}`);
}

// The engine's memo slots (objects with name, value, changedAt, verifiedAt), retained per query name.
const slots = new Map<string, { n: number; size: number }>();
for (const v of post) {
  if (nodeTypes[nodes[v * NF + nType]] !== 'object') continue;
  if (prop(v, 'hasValue') < 0 || prop(v, 'name') < 0 || prop(v, 'key') < 0) continue;
  const nameNode = prop(v, 'name');
  const name = nameNode >= 0 ? snap.strings[nodes[nameNode * NF + nName]] : '?';
  const s = slots.get(name) ?? { n: 0, size: 0 };
  s.n++;
  s.size += retained[v];
  slots.set(name, s);
}
console.log('\nquery slots, retained by query name:');
for (const [g, s] of [...slots].sort((a, b) => b[1].size - a[1].size).slice(0, top)) console.log(`${mb(s.size)} MB ${String(s.n).padStart(8)}  ${g}`);

// What would go if the slots of one query name let their values go: reachability with those edges cut.
function reachableSize(cut: (from: number, e: number) => boolean): number {
  const seen = new Uint8Array(count);
  const stack = [0];
  seen[0] = 1;
  let size = 0;
  while (stack.length) {
    const v = stack.pop() as number;
    size += nodes[v * NF + nSize];
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e++) {
      if (edgeKind[e] === weak || edgeKind[e] === shortcut || cut(v, e)) continue;
      const w = edgeTo[e];
      if (!seen[w]) {
        seen[w] = 1;
        stack.push(w);
      }
    }
  }
  return size;
}
const slotName = new Map<number, string>();
for (const v of post) {
  if (nodeTypes[nodes[v * NF + nType]] !== 'object' || prop(v, 'hasValue') < 0 || prop(v, 'key') < 0) continue;
  const nameNode = prop(v, 'name');
  if (nameNode >= 0) slotName.set(v, snap.strings[nodes[nameNode * NF + nName]]);
}
const valueName = snap.strings.indexOf('value');
console.log('\nif the slots of one query let their values go (exclusive):');
for (const [name] of [...slots].sort((a, b) => b[1].size - a[1].size).slice(0, 12)) {
  const gone = total - reachableSize((from, e) => slotName.get(from) === name && edgeName[e] === valueName);
  console.log(`${mb(gone)} MB  ${name}`);
}
// Strings: the most memory by content.
const strings = new Map<string, { n: number; size: number }>();
for (const v of post) {
  const t = nodeTypes[nodes[v * NF + nType]];
  if (t !== 'string' && t !== 'concatenated string' && t !== 'sliced string') continue;
  const text = snap.strings[nodes[v * NF + nName]];
  const k = text.length > 60 ? `${text.slice(0, 60)}… (${text.length})` : text;
  const s = strings.get(k) ?? { n: 0, size: 0 };
  s.n++;
  s.size += nodes[v * NF + nSize];
  strings.set(k, s);
}
console.log('\nstrings by content (copies, self size):');
for (const [k, s] of [...strings].sort((a, b) => b[1].size - a[1].size).slice(0, top)) console.log(`${mb(s.size)} MB ${String(s.n).padStart(8)}  ${JSON.stringify(k)}`);

// Memory claimed by each query's values in turn (first claim wins): what the rest of the server holds
// without any memo first, then each query name in the order given (--order=a,b,c; the rest by size).
{
  const orderArg = process.argv.find((a) => a.startsWith('--order='))?.slice(8).split(',') ?? ['text', 'parse', 'yaml', 'inventory', 'evaluate', 'homelabCore', 'homelabPart', 'homelab', 'addresses', 'catalog'];
  const names = [...new Set([...orderArg, ...[...slots].sort((a, b) => b[1].size - a[1].size).map(([g]) => g)])];
  const claimed = new Set<string>();
  const seen = new Uint8Array(count);
  const bfs = (starts: number[]): number => {
    let size = 0;
    const stack = starts.filter((s) => !seen[s]);
    for (const s of stack) seen[s] = 1;
    while (stack.length) {
      const v = stack.pop() as number;
      size += nodes[v * NF + nSize];
      const sn = slotName.get(v);
      for (let e = firstEdge[v]; e < firstEdge[v + 1]; e++) {
        if (edgeKind[e] === weak || edgeKind[e] === shortcut) continue;
        if (sn !== undefined && edgeName[e] === valueName && !claimed.has(sn)) continue;
        const w = edgeTo[e];
        if (!seen[w]) {
          seen[w] = 1;
          stack.push(w);
        }
      }
    }
    return size;
  };
  console.log(`\nfirst claim: the server without memo values ${mb(bfs([0]))} MB`);
  const base = new Map<string, number>();
  for (let v = 0; v < count; v++) if (seen[v]) base.set(group(v), (base.get(group(v)) ?? 0) + nodes[v * NF + nSize]);
  for (const [g, size] of [...base].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`   ${mb(size)} MB  ${g.slice(0, 100)}`);
  // Strings of that part by length band and first characters.
  const bands = new Map<string, { n: number; size: number }>();
  for (let v = 0; v < count; v++) {
    if (!seen[v] || group(v) !== '(string)') continue;
    const t = nodeTypes[nodes[v * NF + nType]];
    const text = snap.strings[nodes[v * NF + nName]];
    const len = text.length;
    const k = `${t} ${len < 16 ? '<16' : len < 64 ? '<64' : len < 256 ? '<256' : len < 4096 ? '<4096' : '>=4096'} ${len >= 64 ? JSON.stringify(text.slice(0, 24)) : ''}`;
    const x = bands.get(k) ?? { n: 0, size: 0 };
    x.n++;
    x.size += nodes[v * NF + nSize];
    bands.set(k, x);
  }
  for (const [k, x] of [...bands].sort((a, b) => b[1].size - a[1].size).slice(0, 25)) console.log(`      ${mb(x.size)} MB ${String(x.n).padStart(8)}  ${k}`);
  // Who holds the strings of that part: retainer group and edge name.
  const holders = new Map<string, { n: number; size: number }>();
  for (let v = 0; v < count; v++) {
    if (!seen[v]) continue;
    for (let e = firstEdge[v]; e < firstEdge[v + 1]; e++) {
      const w = edgeTo[e];
      if (!seen[w] || edgeKind[e] === weak) continue;
      const kind = edgeTypes[edgeKind[e]];
      const k = `${group(v).slice(0, 60)} .${kind === 'element' || kind === 'hidden' ? '[]' : snap.strings[edgeName[e]]} -> ${group(w).slice(0, 40)}`;
      const x = holders.get(k) ?? { n: 0, size: 0 };
      x.n++;
      x.size += nodes[w * NF + nSize];
      holders.set(k, x);
    }
  }
  if (process.argv.includes('--holders-of-maps')) {
    const mh = new Map<string, { n: number; size: number }>();
    for (let v = 0; v < count; v++) {
      if (!seen[v]) continue;
      for (let e = firstEdge[v]; e < firstEdge[v + 1]; e++) {
        const w = edgeTo[e];
        if (!seen[w] || edgeKind[e] === weak || group(w) !== 'Map') continue;
        const kind = edgeTypes[edgeKind[e]];
        const k = `${group(v).slice(0, 60)} .${kind === 'element' || kind === 'hidden' ? '[]' : snap.strings[edgeName[e]]}`;
        const x = mh.get(k) ?? { n: 0, size: 0 };
        x.n++;
        x.size += retained[w];
        mh.set(k, x);
      }
    }
    for (const [k, x] of [...mh].sort((a, b) => b[1].size - a[1].size).slice(0, 15)) console.log(`      map held ${mb(x.size)} MB ${String(x.n).padStart(8)}  ${k}`);
  }
  for (const [k, x] of [...holders].sort((a, b) => b[1].size - a[1].size).slice(0, 25)) console.log(`      held ${mb(x.size)} MB ${String(x.n).padStart(8)}  ${k}`);
  for (const name of names) {
    claimed.add(name);
    const starts: number[] = [];
    for (const [v, n] of slotName) if (n === name && seen[v]) for (let e = firstEdge[v]; e < firstEdge[v + 1]; e++) if (edgeName[e] === valueName) starts.push(edgeTo[e]);
    const before = seen.slice();
    const size = bfs(starts);
    if (size > 2 ** 18) console.log(`${mb(size)} MB  ${name}`);
    if (size > 8 * 2 ** 20) {
      const g = new Map<string, { n: number; size: number }>();
      for (let v = 0; v < count; v++)
        if (seen[v] && !before[v]) {
          const k = group(v);
          const x = g.get(k) ?? { n: 0, size: 0 };
          x.n++;
          x.size += nodes[v * NF + nSize];
          g.set(k, x);
        }
      for (const [k, x] of [...g].sort((a, b) => b[1].size - a[1].size).slice(0, 12)) console.log(`   ${mb(x.size)} MB ${String(x.n).padStart(8)}  ${k.slice(0, 100)}`);
    }
  }
}
