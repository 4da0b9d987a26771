// Entry point of dist/server.js: runs the language server bundle
// (dist/serverMain.js, built from main.ts) through V8's code cache
// (codeCache.ts). Kept tiny: everything it imports is loaded before the cache helps.
import * as path from 'node:path';
import { codeCacheDir, runWithCodeCache, SAVE_CODE_CACHE, type LaunchedWith } from './codeCache';

const dir = codeCacheDir();
const loaded = runWithCodeCache(path.join(__dirname, 'serverMain.js'), dir);
const launched: LaunchedWith = { fromCache: loaded.fromCache, dir, save: loaded.save };
(globalThis as Record<symbol, unknown>)[SAVE_CODE_CACHE] = launched;
