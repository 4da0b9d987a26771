import { parseNix } from '../../server/src/syntax/nix/parser';
import { printNormalForm } from '../../server/src/syntax/nix/printNormal';
const r = parseNix(process.argv[2]);
console.log(printNormalForm(r, { baseDir: '/tmp', home: '/tmp/nixhome' }));
if (r.errors.length) console.log(r.errors);
