// Disk reads, counted (issue #25): the model may let go of the texts of files
// that are not open only if reading them again stays rare. In a generated
// fleet of 1,000 machines (bench/generate.ts, as recomputation.test.ts), the
// host's readFile calls are counted per file, with the texts of unopened files
// let go after each whole check (as the server does): a whole check reads each
// file at most once, and typing in an open profile reads no file from disk.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateHomelab, type GeneratedHomelab } from '../../../bench/generate';
import { nodeFsHost, type WorkspaceHost } from '../../../server/src/model/host';
import { Workspace } from '../../../server/src/model/workspace';
import { checkAll } from '../../../server/src/checks/run';

const dir = path.join(__dirname, '..', '..', '.tmp', 'disk-reads-fleet');
let fleet: GeneratedHomelab;
let ws: Workspace;
const reads = new Map<string, number>();

/** The files read from disk while `run` ran, with how many times each. */
function readsDuring(run: () => void): Map<string, number> {
  reads.clear();
  run();
  return new Map(reads);
}

/** A whole check, then the texts of unopened files let go (as the server does after each). */
function wholeCheck(): void {
  checkAll(ws);
  ws.releaseUnopenedTexts();
}

const readMoreThanOnce = (r: Map<string, number>): string[] => [...r].filter(([, n]) => n > 1).map(([u, n]) => `${u} ×${n}`);

before(() => {
  fleet = generateHomelab(1000, dir);
  const disk = nodeFsHost();
  const host: WorkspaceHost = {
    ...disk,
    readFile: (uri) => {
      reads.set(uri, (reads.get(uri) ?? 0) + 1);
      return disk.readFile(uri);
    },
  };
  ws = new Workspace(host);
  ws.addFolder(pathToFileURL(fleet.dir).href);
});

test('the first whole check reads each file at most once', () => {
  const r = readsDuring(wholeCheck);
  assert.ok(r.size > 1000, `a profile per machine read (${r.size} files)`);
  assert.deepEqual(readMoreThanOnce(r), []);
});

test('a second whole check with nothing changed reads nothing', () => {
  assert.deepEqual([...readsDuring(wholeCheck).keys()], []);
});

test('opening a profile reads again at most what its evaluation imports (its texts were let go), once each', () => {
  const uri = pathToFileURL(fleet.smallProfile).href;
  const r = readsDuring(() => {
    ws.setDocument(uri, readFileSync(fleet.smallProfile, 'utf8'), 1);
    wholeCheck();
  });
  const imported = new Set(ws.evaluate(uri).deps);
  assert.deepEqual([...r.keys()].filter((u) => !imported.has(u)), []);
  assert.deepEqual(readMoreThanOnce(r), []);
  assert.ok(r.size <= 2, `the base, and the defaults at most (${[...r.keys()].join(', ')})`);
});

test('typing in an open profile reads no file from disk', () => {
  const uri = pathToFileURL(fleet.smallProfile).href;
  const text = readFileSync(fleet.smallProfile, 'utf8');
  const at = text.indexOf('defaultGateway =');
  assert.ok(at > 0);
  let version = 2;
  const r = readsDuring(() => {
    // A typo in a key, a setting added, then the text as it was: each followed by the whole check.
    for (const edited of [`${text.slice(0, at + 13)}Q${text.slice(at + 14)}`, text.replace('defaultGateway =', 'timezone = "Europe/Paris";\n    defaultGateway ='), text]) {
      ws.setDocument(uri, edited, version++);
      wholeCheck();
    }
  });
  assert.deepEqual([...r.keys()], []);
});
