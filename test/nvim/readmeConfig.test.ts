// The README's Neovim 0.7–0.10 configuration, run as written (only the
// command swapped for this checkout's `node dist/server.js --stdio`): opened
// on a profile deep in a copy of examples/homelab, it finds the homelab root
// upward, starts one client, attaches it, and the server answers a hover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');

function readmeConfig(): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const from = readme.indexOf('Neovim 0.7–0.10');
  assert.ok(from >= 0, 'README has a Neovim 0.7–0.10 section');
  const block = /```lua\n([\s\S]*?)```/.exec(readme.slice(from));
  assert.ok(block, 'a lua block follows it');
  return block[1];
}

test("the README's Neovim 0.7–0.10 configuration attaches to a homelab and gets answers", () => {
  const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  assert.equal(nvim.status, 0, 'nvim not found: install the Debian package neovim (the pretest does as root)');
  const dir = mkdtempSync(path.join(tmpdir(), 'homelab-nvim-readme-'));
  try {
    const root = path.join(dir, 'homelab');
    cpSync(path.join(repoRoot, 'examples', 'homelab'), root, { recursive: true });
    const config = readmeConfig();
    assert.match(config, /cmd = \{ 'homelab-language-server' \}/);
    const server = path.join(repoRoot, 'dist', 'server.js');
    writeFileSync(path.join(dir, 'init.lua'), config.replace("cmd = { 'homelab-language-server' }", `cmd = { 'node', ${JSON.stringify(server)}, '--stdio' }`));
    const out = path.join(dir, 'out.json');
    const check = `
      local ok, err = pcall(function()
        local attached = vim.wait(20000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 50)
        local clients = vim.lsp.buf_get_clients(0)
        local client = clients[next(clients)]
        local line = vim.fn.search('postfixRelayEnable', 'n')
        local answers = vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = line - 1, character = 6 } }, 20000) or {}
        local hover = ''
        for _, a in pairs(answers) do if a.result and a.result.contents then hover = a.result.contents.value or '' end end
        vim.cmd('edit ' .. ${JSON.stringify(path.join(root, 'profiles', 'LXC_HOME-config.nix'))})
        vim.wait(5000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 50)
        local ids = {}
        for id, _ in pairs(vim.lsp.get_active_clients and vim.lsp.get_active_clients() or {}) do table.insert(ids, id) end
        vim.fn.writefile({ vim.fn.json_encode({ attached = attached, root = client and client.config.root_dir or '', hover = hover, clients = #ids, second = #vim.lsp.buf_get_clients(0) }) }, ${JSON.stringify(out)})
      end)
      if not ok then vim.fn.writefile({ vim.fn.json_encode({ error = tostring(err) }) }, ${JSON.stringify(out)}) end
      vim.cmd('qa!')`;
    writeFileSync(path.join(dir, 'check.lua'), check);
    const env = { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'config'), XDG_DATA_HOME: path.join(dir, 'data'), XDG_STATE_HOME: path.join(dir, 'state'), XDG_CACHE_HOME: path.join(dir, 'cache') };
    const r = spawnSync('nvim', ['--headless', '-i', 'NONE', '-n', '-u', path.join(dir, 'init.lua'), path.join(root, 'profiles', 'LXC_mailer-config.nix'), '-c', `luafile ${path.join(dir, 'check.lua')}`], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
    const result = JSON.parse(readFileSync(out, 'utf8')) as { error?: string; attached: boolean; root: string; hover: string; clients: number; second: number };
    assert.equal(result.error, undefined, `${result.error}\n${r.stdout}${r.stderr}`);
    assert.equal(result.attached, true, 'a client attached to the profile');
    assert.equal(result.root, root, 'the root found upward is the homelab folder');
    assert.match(result.hover, /postfixRelayEnable/);
    assert.equal(result.clients, 1, 'one client for both profiles of the root');
    assert.equal(result.second, 1, 'the second profile is attached to it');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
