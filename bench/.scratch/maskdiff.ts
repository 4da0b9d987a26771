import { maskNix as oldMask } from '/tmp/oldNixText';
import { maskNix } from '../../server/src/model/nixText';
import * as fs from 'node:fs';
import * as path from 'node:path';
const files: string[] = [];
const walk = (d: string) => { for (const f of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, f.name); if (f.isDirectory()) walk(p); else if (p.endsWith('.nix')) files.push(p); } };
walk('test'); walk('examples'); walk('bench/.generated/homelab-10');
let n = 0, bad = 0;
const alphabet = ['#', '"', "'", "''", '/*', '*/', '\\', '\n', '\r\n', 'a', ' ', '$', '${', '}', 'é', '😀'];
let seed = 1; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const inputs = files.map((f) => fs.readFileSync(f, 'utf8'));
for (let k = 0; k < 20000; k++) { let s = ''; const len = Math.floor(rnd() * 40); for (let i = 0; i < len; i++) s += alphabet[Math.floor(rnd() * alphabet.length)]; inputs.push(s); }
for (const t of inputs) for (const strings of [false, true]) { n++; if (oldMask(t, strings) !== maskNix(t, strings)) { bad++; if (bad < 4) console.log(JSON.stringify(t), strings, JSON.stringify(oldMask(t, strings)), JSON.stringify(maskNix(t, strings))); } }
console.log(n, 'compared', bad, 'differ');
