// Entry point of the option-index worker when it runs as a file of its own
// (tests and benchmarks through tsx, or a second esbuild entry
// `dist/optionsWorker.js`); the server bundle can instead start itself as the
// worker, see worker.ts.
import { isOptionIndexWorker, runOptionIndexWorker } from './worker';

if (isOptionIndexWorker()) runOptionIndexWorker();
