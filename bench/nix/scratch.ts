import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { parseNix } from '../../server/src/syntax/nix/parser';
import { analyzeScopes } from '../../server/src/syntax/nix/scopes';
import { printNormalForm } from '../../server/src/syntax/nix/printNormal';
import { nixParseFiles, nixEnv } from '../../test/unit/nix/nixCli';
const dir = require("node:path").resolve(process.argv[2]);
const files = readdirSync(dir).filter((f) => f.endsWith('.nix')).map((f) => join(dir, f));
const nix = nixParseFiles(files);
files.forEach((f, i) => {
  const text = readFileSync(f, 'utf8');
  const r = parseNix(text);
  const sc = analyzeScopes(r.root, text).diagnostics.filter((d) => d.severity === 'error');
  const ours = r.errors.length === 0 && sc.length === 0;
  const n = nix[i];
  let line = `${f}: nix=${n.ok ? 'ok' : 'ERR ' + n.message + ' @' + n.line + ':' + n.column} ours=${ours ? 'ok' : 'ERR ' + JSON.stringify([...r.errors, ...sc].slice(0, 3))}`;
  if (ours && n.ok) {
    const p = printNormalForm(r, { baseDir: dirname(f), home: nixEnv().HOME as string });
    line += p === n.printed ? ' SAME' : `\n  nix:  ${n.printed}\n  ours: ${p}`;
  }
  console.log(line);
});
