// `npm run fuzz`: the long fuzz run through the full LSP pipeline (≥ 100,000
// inputs by default). Flags: --seed N, --inputs N, --jobs N, --batch N,
// --timeout MS, --truncate-stride N, --no-heavy, --only I,J (replay plan indices).
// Exits 1 when any input crashed the server, got an error response or hung.
import * as path from 'node:path';
import { formatReport, runFuzz } from './fuzzer';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const seed = Number(flag('seed') ?? Date.now() % 1_000_000);
  const report = await runFuzz({
    seed,
    inputs: Number(flag('inputs') ?? 100_000),
    jobs: Number(flag('jobs') ?? 2),
    batchSize: Number(flag('batch') ?? 5_000),
    requestTimeoutMs: Number(flag('timeout') ?? 10_000),
    heavy: !process.argv.includes('--no-heavy'),
    truncateStride: Number(flag('truncate-stride') ?? 1),
    fullCheckEvery: Number(flag('full-check-every') ?? 4),
    failureDir: path.resolve(__dirname, '..', '.tmp', 'fuzz-failures'),
    log: (line) => console.log(line),
    only: flag('only')?.split(',').map(Number),
  });
  console.log(formatReport(report));
  const bad = report.crashes + report.errorResponses + report.timeouts;
  process.exit(bad > 0 ? 1 : 0);
}

void main();
