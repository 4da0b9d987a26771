// The pipe operators against the real Nix, although Debian's Nix 2.8 predates
// them: each case is evaluated by our evaluator as written (with `|>` / `<|`),
// and its desugared form (`x |> f` as `f x`, `f <| x` as `f x`, precedence
// spelt out with parentheses) by `nix-instantiate --eval --strict --json`; the
// values must be equal. The parse is compared too: our normal form of the piped
// text equals `nix-instantiate --parse` of the desugared text. Hand-written
// cases (every operator of the table, chains, positions, layouts) and 220
// generated ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NixEvaluator } from '../../../server/src/syntax/nix';
import { parseNix } from '../../../server/src/syntax/nix/parser';
import { printNormalForm } from './printNormal';
import { analyzeScopes } from '../../../server/src/syntax/nix/scopes';
import { toPlain } from '../../../server/src/syntax/value';
import { LineIndex } from '../../../server/src/syntax/lineIndex';
import { nixEnv, nixEvalJson, nixParseFilesParallel, requireNix } from './nixCli';
import { canonical } from './normalForm';
import { HAND_CASES } from './pipeCases';
import { generatePipeCases, type PipeCase } from './pipeGenerate';

const GENERATED = 220;
const CASES: PipeCase[] = [...HAND_CASES, ...generatePipeCases(27, GENERATED)];

function ours(c: PipeCase, i: number): unknown {
  const uri = pathToFileURL(join(tmpdir(), `pipe-case-${i}.nix`)).href;
  return toPlain(new NixEvaluator({ readText: (u) => (u === uri ? c.pipe : undefined) }).evaluateFile(uri));
}

test('pipe cases: the generator writes pipes unparenthesized where the grammar allows', () => {
  const gen = CASES.slice(HAND_CASES.length);
  assert.equal(gen.length, GENERATED);
  assert.equal(new Set(gen.map((c) => c.pipe)).size > GENERATED * 0.9, true, 'cases are varied');
  // Chains of three or more stages in each direction, and pipes as bare operands of a pipe.
  assert.ok(gen.some((c) => /\|>[^()]*\|>[^()]*\|>/.test(c.pipe)));
  assert.ok(gen.some((c) => (c.pipe.match(/<\|/g) ?? []).length >= 3));
  assert.ok(gen.some((c) => /\d \+ \d \|>/.test(c.pipe)));
});

test('our parser reads every pipe case without errors, and its normal form is Nix 2.8\'s of the desugared text', async () => {
  requireNix();
  const dir = mkdtempSync(join(tmpdir(), 'nix-pipes-'));
  const files = CASES.map((c, i) => {
    const f = join(dir, `plain${i}.nix`);
    writeFileSync(f, c.plain);
    return f;
  });
  const nix = await nixParseFilesParallel(files);
  const home = nixEnv().HOME as string;
  const problems: string[] = [];
  CASES.forEach((c, i) => {
    const r = parseNix(c.pipe);
    const scopeErrors = analyzeScopes(r.root, r.text).diagnostics.filter((d) => d.severity === 'error');
    if (r.errors.length || scopeErrors.length) {
      problems.push(`ours rejects ${JSON.stringify(c.pipe)}: ${JSON.stringify([...r.errors, ...scopeErrors].slice(0, 2))}`);
      return;
    }
    const n = nix[i];
    if (!n.ok) {
      problems.push(`nix rejects the desugared ${JSON.stringify(c.plain)}: ${n.message}`);
      return;
    }
    const printed = printNormalForm(r, { baseDir: dir, home });
    if (printed !== n.printed && canonical(printed) !== canonical(n.printed ?? '')) {
      problems.push(`normal form differs on ${JSON.stringify(c.pipe)}\n  nix (desugared): ${n.printed}\n  ours:            ${printed}`);
    }
  });
  assert.deepEqual(problems, [], `${problems.length} problem(s):\n${problems.slice(0, 8).join('\n')}`);
});

test(`pipe differential: ${HAND_CASES.length} hand-written + ${GENERATED} generated cases, our value of the piped text equals Nix's of the desugared one`, () => {
  requireNix();
  const dir = mkdtempSync(join(tmpdir(), 'nix-pipes-eval-'));
  const all = join(dir, 'all.nix');
  // One evaluation for all cases; on a failure, each case alone says which.
  writeFileSync(all, `[\n${CASES.map((c) => `(${c.plain})`).join('\n')}\n]\n`);
  let theirs: unknown[];
  try {
    theirs = nixEvalJson(all) as unknown[];
  } catch (e) {
    const bad = CASES.filter((c, i) => {
      const f = join(dir, `case${i}.nix`);
      writeFileSync(f, c.plain);
      try {
        nixEvalJson(f);
        return false;
      } catch {
        return true;
      }
    });
    throw new Error(`nix-instantiate cannot evaluate ${bad.length} desugared case(s): ${bad.slice(0, 3).map((c) => c.plain).join(' | ')}\n${String(e)}`);
  }
  assert.equal(theirs.length, CASES.length);
  const problems: string[] = [];
  CASES.forEach((c, i) => {
    const mine = ours(c, i);
    try {
      assert.deepEqual(mine, theirs[i]);
    } catch {
      problems.push(`${JSON.stringify(c.pipe)}\n  ours: ${JSON.stringify(mine)}\n  nix (of ${JSON.stringify(c.plain)}): ${JSON.stringify(theirs[i])}`);
    }
  });
  assert.deepEqual(problems, [], `${problems.length} of ${CASES.length} differ:\n${problems.slice(0, 8).join('\n')}`);
});

const FIX = resolve(__dirname, '../../fixtures/nix/pipes');

test('pipe fixtures: ok/ parse to the normal form Nix 2.8 gives their .plain.nix twin; err/ give the one error their first line names', async () => {
  requireNix();
  const ok = readdirSync(join(FIX, 'ok')).filter((f) => f.endsWith('.nix') && !f.endsWith('.plain.nix')).sort();
  assert.ok(ok.length >= 3);
  const nix = await nixParseFilesParallel(ok.map((f) => join(FIX, 'ok', f.replace(/\.nix$/, '.plain.nix'))));
  const home = nixEnv().HOME as string;
  ok.forEach((f, i) => {
    const r = parseNix(readFileSync(join(FIX, 'ok', f), 'utf8'));
    assert.deepEqual(r.errors, [], f);
    assert.ok(nix[i].ok, `${f}: Nix rejects the desugared twin: ${nix[i].message}`);
    const printed = printNormalForm(r, { baseDir: join(FIX, 'ok'), home });
    assert.ok(printed === nix[i].printed || canonical(printed) === canonical(nix[i].printed ?? ''), `${f}\n  nix:  ${nix[i].printed}\n  ours: ${printed}`);
  });
  const err = readdirSync(join(FIX, 'err')).filter((f) => f.endsWith('.nix')).sort();
  assert.ok(err.length >= 5);
  for (const f of err) {
    const text = readFileSync(join(FIX, 'err', f), 'utf8');
    const m = /^# error (\d+):(\d+): (.*)$/m.exec(text);
    assert.ok(m, `${f} names its error on the first line`);
    const r = parseNix(text);
    assert.equal(r.errors.length, 1, `${f}: ${JSON.stringify(r.errors)}`);
    const p = new LineIndex(text).positionAt(r.errors[0].span.start);
    assert.deepEqual([p.line + 1, p.character + 1], [Number(m[1]), Number(m[2])], `${f}: ${r.errors[0].message}`);
    assert.ok(r.errors[0].message.includes(m[3]), `${f}: ${r.errors[0].message}`);
  }
});
