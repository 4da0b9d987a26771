// The deploy plan's own view: the page shows each machine's changes as a
// table (old → new side by side, a link to each line), groups the knock-ons
// under the machines they hit, opens with the unreadable files of an
// incomplete plan, escapes every value from the workspace and runs nothing
// but its own nonce'd script; a link's message is checked before a file opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseOpenMessage, planHtml } from '../../../client/src/commands/planHtml';
import { planSummary } from '../../../client/src/commands/planSummary';
import type { DeployPlanResult } from '../../../server/src/protocol/customMessages';

const answer: DeployPlanResult = {
  text: '',
  plan: {
    machines: [
      {
        machine: 'LXC_plane', status: 'changed', since: 'a'.repeat(40), file: 'homelab.yaml', line: 12,
        changes: [
          { machine: 'LXC_plane', kind: 'setting', key: 'systemSettings.dockerComposeProjects', old: '[ "plane" ]', new: '[ "plane" "plane-worker" ]', file: 'profiles/LXC_plane-config.nix', line: 13 },
          { machine: 'LXC_plane', kind: 'port-closed', key: 'tcp/9092', file: 'profiles/LXC_plane-config.nix', line: 11 },
        ],
      },
      { machine: 'LXC_wiki', status: 'new', file: 'homelab.yaml', line: 40, changes: [] },
    ],
    knockOns: [
      { machine: 'LXC_monitoring', kind: 'no-longer-scraped', key: '192.168.8.86', file: 'profiles/LXC_plane-config.nix', line: 11, cause: 'LXC_plane', message: 'LXC_monitoring no longer scrapes cadvisor on LXC_plane' },
      { machine: 'LXC_proxy', kind: 'proxy-port-closed', key: 'plane', old: 'tcp/9092 open on LXC_plane', new: 'tcp/9092 closed on LXC_plane', file: 'profiles/LXC_plane-config.nix', line: 11, cause: 'LXC_plane' },
      { machine: 'LXC_monitoring', kind: 'update-clash', key: 'LXC_plane', file: 'profiles/LXC_plane-config.nix', line: 15, cause: 'LXC_plane' },
    ],
  },
};

const page = (a: DeployPlanResult = answer): string => planHtml({ folderName: 'infra', sinceLabel: 'each machine’s last deploy', answer: a, nonce: 'n0nce' });
/** The page's text roughly as shown: tags out, cells separated by " | ", blocks by new lines. */
const shown = (html: string): string => html
  .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<title>[^<]*<\/title>/g, '')
  .replace(/<\/t[dh]>/g, ' | ').replace(/<br>|<\/(h\d|p|li|tr)>/g, '\n').replace(/<[^>]+>/g, '')
  .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

test('each machine: a table of its changes, old and new side by side, each linking its line', () => {
  const html = page();
  assert.match(html, /<h1>Deploy plan — infra<\/h1>/);
  const text = shown(html);
  assert.match(text, /LXC_plane changed since aaaaaaaaaaaa/);
  assert.match(text, /setting systemSettings\.dockerComposeProjects \| \[ "plane" \] \| → \| \[ "plane" "plane-worker" \] \| profiles\/LXC_plane-config\.nix:13 \|/);
  assert.match(text, /port closed tcp\/9092 \| open \| → \| closed \| profiles\/LXC_plane-config\.nix:11 \|/);
  assert.match(text, /LXC_wiki new\nNew machine, declared at homelab\.yaml:40\./);
  assert.match(html, /<a href="#" class="loc" data-file="profiles\/LXC_plane-config\.nix" data-line="13" [^>]*>profiles\/LXC_plane-config\.nix:13<\/a>/);
  assert.doesNotMatch(text, /Incomplete/);
});

test('knock-ons are grouped under the machine they hit, in plan order, with their cause', () => {
  const text = shown(page());
  const section = text.slice(text.indexOf('Knock-ons on other machines'));
  const monitoring = section.indexOf('LXC_monitoring');
  const proxy = section.indexOf('LXC_proxy');
  assert.ok(monitoring > 0 && proxy > monitoring, section);
  // Both of LXC_monitoring's knock-ons come under its one heading, before LXC_proxy's.
  const underMonitoring = section.slice(monitoring, proxy);
  assert.match(underMonitoring, /no longer scrapes cadvisor on LXC_plane/);
  assert.match(underMonitoring, /update clash LXC_plane/);
  assert.match(section.slice(proxy), /proxied port closed plane\ncaused by LXC_plane \| tcp\/9092 open on LXC_plane \| → \| tcp\/9092 closed on LXC_plane/);
});

test('an incomplete plan says so first, naming each unreadable file, its line and where', () => {
  const incomplete: DeployPlanResult = {
    text: '',
    plan: {
      machines: [], knockOns: [],
      unreadable: [
        { file: 'profiles/LXC_plane-config.nix', line: 11, side: 'before', revision: 'HEAD', commit: 'b'.repeat(40), message: "'[' is not closed" },
        { file: 'homelab.yaml', line: 3, side: 'after', message: 'bad indentation' },
      ],
    },
  };
  const text = shown(page(incomplete));
  assert.match(text, /Incomplete plan\n2 files could not be read, so what they say is missing from this plan:/);
  assert.match(text, /profiles\/LXC_plane-config\.nix:11 at HEAD \(bbbbbbbbbbbb\): '\[' is not closed/);
  assert.match(text, /homelab\.yaml:3 in the working tree: bad indentation/);
  assert.match(text, /No changes found in the files that could be read\./);
  assert.doesNotMatch(text, /nothing to deploy/);
  assert.equal(planSummary(incomplete)[0], 'INCOMPLETE: could not read profiles/LXC_plane-config.nix at HEAD, homelab.yaml');
  assert.deepEqual(planSummary(answer).slice(0, 2), ['LXC_plane: 2 changes', 'LXC_wiki: new']);
});

test('values from the workspace are escaped; only the nonce’d style and script may run', () => {
  const hostile: DeployPlanResult = {
    text: '',
    plan: {
      machines: [{
        machine: 'LXC_x', status: 'changed', file: 'homelab.yaml', line: 1,
        changes: [{ machine: 'LXC_x', kind: 'setting', key: 'systemSettings.motd', old: '"<script>alert(1)</script>"', new: '"<img src=x onerror=alert(1)>"', file: 'p/"x".nix', line: 2 }],
      }],
      knockOns: [],
    },
  };
  const html = page(hostile);
  assert.ok(!html.includes('<script>alert'), 'a value became markup');
  assert.ok(!html.includes('<img'), 'a value became markup');
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /data-file="p\/&quot;x&quot;\.nix"/);
  assert.match(html, /content="default-src 'none'; style-src 'nonce-n0nce'; script-src 'nonce-n0nce';"/);
  assert.equal([...html.matchAll(/<script/g)].length, 1);
  assert.match(html, /<script nonce="n0nce">/);
  assert.match(shown(page({ ...answer, error: 'not a git repository' })), /No plan: not a git repository/);
});

test('a link’s message opens only a line of a file inside the folder', () => {
  assert.deepEqual(parseOpenMessage({ type: 'open', file: 'profiles/a.nix', line: 5 }), { type: 'open', file: 'profiles/a.nix', line: 5 });
  for (const bad of [
    { type: 'open', file: '../outside.nix', line: 1 }, { type: 'open', file: 'a/../../b', line: 1 }, { type: 'open', file: '/etc/passwd', line: 1 },
    { type: 'open', file: 'C:/x', line: 1 }, { type: 'open', file: 'a\\..\\b', line: 1 }, { type: 'open', file: 'a.nix', line: 0 },
    { type: 'open', file: 'a.nix', line: 1.5 }, { type: 'open', file: 'a.nix', line: '3' }, { type: 'run', file: 'a.nix', line: 1 }, null, 'open',
  ]) assert.equal(parseOpenMessage(bad), undefined, JSON.stringify(bad));
});
