// Bundles the three entry points with esbuild into dist/:
//   extension.js (the VS Code client), server.js (the language server, also
//   runnable alone with --stdio) and cli.js (homelab-check).
// Production builds are minified; both kinds carry source maps for debugging.
//   node scripts/build.mjs [--dev] [--watch]
import * as esbuild from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dev = process.argv.includes('--dev');
const watch = process.argv.includes('--watch');

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: dev ? 'inline' : 'linked',
  sourcesContent: dev,
  minify: !dev,
  logLevel: 'warning',
  // Keep the names readable in stack traces from users' bug reports.
  keepNames: true,
};

// The flags V8 must have before the server's heap is set up (server/src/protocol/serverNodeFlags.ts):
// on the launcher's first line, for editors that run `homelab-language-server` itself.
const serverNodeFlags = JSON.parse(readFileSync(new URL('../server/src/protocol/serverNodeFlags.json', import.meta.url), 'utf8'));
const serverShebang = serverNodeFlags.length ? `#!/usr/bin/env -S node ${serverNodeFlags.join(' ')}` : '#!/usr/bin/env node';

const entries = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // dist/server.js is a small launcher that runs dist/serverMain.js through V8's code cache (protocol/codeCache.ts).
  { entryPoints: ['server/src/protocol/start.ts'], outfile: 'dist/server.js', banner: { js: serverShebang } },
  { entryPoints: ['server/src/protocol/main.ts'], outfile: 'dist/serverMain.js' },
  {
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
];

if (!watch) rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });

const started = Date.now();
if (watch) {
  const contexts = await Promise.all(entries.map((e) => esbuild.context({ ...common, ...e })));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching client, server and cli for changes');
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
  chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
  chmodSync(new URL('../dist/server.js', import.meta.url), 0o755);
  console.log(`esbuild: built dist/extension.js, dist/server.js (+ serverMain.js), dist/cli.js (${dev ? 'dev' : 'production'}) in ${Date.now() - started} ms`);
}
