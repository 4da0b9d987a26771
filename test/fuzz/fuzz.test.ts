// The bounded fuzz run inside `npm test`: cheap mutations of the example
// homelab (and a sampled truncation sweep) through the full LSP pipeline of a
// real server. Zero crashes, zero error responses, zero hung requests (10 s
// per request is a hang detector, not a speed assertion). Figures are printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { formatReport, runFuzz } from './fuzzer';

test('bounded fuzz through the LSP pipeline: no crash, no error response, no hang', { timeout: 600_000 }, async () => {
  const seed = Number(process.env.FUZZ_SEED ?? 424242);
  const inputs = Number(process.env.FUZZ_INPUTS ?? 1_500);
  const report = await runFuzz({
    seed,
    inputs,
    jobs: 1,
    batchSize: 1_500,
    requestTimeoutMs: 10_000,
    heavy: false,
    truncateStride: 97,
    fullCheckEvery: 8,
    failureDir: path.resolve(__dirname, '..', '.tmp', 'fuzz-failures'),
    log: () => undefined,
  });
  console.log(formatReport(report));
  assert.equal(report.inputs, inputs, `inputs tried: ${report.inputs}`);
  assert.ok(report.requests >= report.inputs, 'every input got at least one request answered');
  assert.equal(report.crashes, 0, `crashes; failing inputs: ${report.failures.join(', ')}`);
  assert.equal(report.errorResponses, 0, `error responses; failing inputs: ${report.failures.join(', ')}`);
  assert.equal(report.timeouts, 0, `hung requests; failing inputs: ${report.failures.join(', ')}`);
  assert.equal(report.internalErrors, 0, `internal errors logged; failing inputs: ${report.failures.join(', ')}`);
});
