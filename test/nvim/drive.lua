-- Drives Neovim's built-in LSP client (Neovim 0.7, Debian's `neovim`) against
-- `node dist/server.js --stdio` on a copy of examples/homelab, the way a user
-- of that editor would: buffers opened with :edit, edits made to buffers,
-- completion through `vim.lsp.omnifunc`, quick fixes through
-- `vim.lsp.buf.code_action`, renames through `vim.lsp.buf.rename`.
-- Everything runs synchronously (vim.wait with bounded timeouts); each step
-- is independent (xpcall) and records what it saw. The record is written as
-- JSON to $HOMELAB_NVIM_OUT, then Neovim quits. neovim.test.ts asserts on it.
--
-- Environment: HOMELAB_NVIM_ROOT (the homelab copy), HOMELAB_NVIM_NODE,
-- HOMELAB_NVIM_SERVER (dist/server.js), HOMELAB_NVIM_OUT (the JSON file).

local api = vim.api
local util = vim.lsp.util

local function env(name)
  local v = os.getenv(name)
  assert(v and v ~= '', name .. ' is not set')
  return v
end

local ROOT = env('HOMELAB_NVIM_ROOT')
local NODE = env('HOMELAB_NVIM_NODE')
local SERVER = env('HOMELAB_NVIM_SERVER')
local OUT = env('HOMELAB_NVIM_OUT')
-- Bounds of the waits (ms): the server's answers normally come in well under a second.
local WAIT = 8000
local WAIT_STARTUP = 15000
local WAIT_DISK = 10000
-- The whole run stays within this budget (the Node test kills Neovim at 75 s):
-- every wait is cut to what is left, and steps past it are recorded as not run.
local BUDGET = 55000
local deadline = vim.loop.hrtime() / 1e6 + BUDGET
local function left(ms)
  return math.max(0, math.min(ms, math.floor(deadline - vim.loop.hrtime() / 1e6)))
end

if os.getenv('HOMELAB_NVIM_LOG') then vim.lsp.set_log_level(os.getenv('HOMELAB_NVIM_LOG')) end

local record = { nvim = vim.version(), root = ROOT, steps = {}, published = {} }
local client_id
local current_step = 'start'
local published = {} -- every textDocument/publishDiagnostics, in order: { uri, fname, diagnostics }

local function path(rel)
  return ROOT .. '/' .. rel
end

local function write_file(p, text)
  local f = assert(io.open(p, 'wb'))
  f:write(text)
  f:close()
end

local function read_file(p)
  local f = assert(io.open(p, 'rb'))
  local text = f:read('*a')
  f:close()
  return text
end

local function buf_text(buf)
  return table.concat(api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
end

local function client()
  local c = client_id and vim.lsp.get_client_by_id(client_id)
  assert(c, 'the language client is not running')
  return c
end

-- Capture every diagnostics publication, then let Neovim's own handler store them.
local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  if result and result.uri then
    table.insert(published, { uri = result.uri, fname = vim.uri_to_fname(result.uri), diagnostics = result.diagnostics or {} })
  end
  return default_publish(err, result, ctx, config)
end

-- The server's work-done progress ($/progress), as Neovim's handler receives it.
local progress = {}
local progress_ended = false
local default_progress = vim.lsp.handlers['$/progress']
vim.lsp.handlers['$/progress'] = function(err, result, ctx, config)
  if result and type(result.value) == 'table' then
    table.insert(progress, { kind = result.value.kind, title = result.value.title, message = result.value.message })
    if result.value.kind == 'end' then progress_ended = true end
  end
  return default_progress(err, result, ctx, config)
end

--- The first publication for `rel` after index `since` whose diagnostics satisfy `pred`.
local function find_published(rel, since, pred)
  local fname = path(rel)
  for i = since + 1, #published do
    local p = published[i]
    if p.fname == fname and pred(p.diagnostics) then return p end
  end
end

--- Waits (bounded) for such a publication.
local function wait_published(rel, since, pred, timeout)
  local found
  vim.wait(left(timeout or WAIT), function()
    found = find_published(rel, since, pred)
    return found ~= nil
  end, 20)
  return found
end

local function any() return true end

--- Every publication for `rel` after `since` (what the step saw while waiting).
local function publications(rel, since)
  local out = {}
  for i = since + 1, #published do
    if published[i].fname == path(rel) then table.insert(out, published[i].diagnostics) end
  end
  return out
end

local function has_code_at(code, line, word)
  return function(diags)
    for _, d in ipairs(diags) do
      if d.code == code and d.range.start.line == line and (not word or (d.message or ''):find(word, 1, true)) then return true end
    end
    return false
  end
end

local function first_with(diags, code, line)
  for _, d in ipairs(diags) do
    if d.code == code and d.range.start.line == line then return d end
  end
end

local buffers = {}
--- Opens a file of the homelab in the current window and attaches the client to it.
local function open(rel)
  local existing = vim.fn.bufnr(path(rel))
  if existing > 0 and api.nvim_buf_is_loaded(existing) then
    api.nvim_set_current_buf(existing)
  else
    vim.cmd('edit ' .. vim.fn.fnameescape(path(rel)))
  end
  local buf = api.nvim_get_current_buf()
  if not buffers[buf] then
    vim.lsp.buf_attach_client(buf, client_id)
    buffers[buf] = rel
  end
  return buf
end

--- 0-based index of the first line of `buf` containing `needle` (plain text).
local function find_line(buf, needle)
  for i, l in ipairs(api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:find(needle, 1, true) then return i - 1 end
  end
  error(('%q not found in %s'):format(needle, api.nvim_buf_get_name(buf)))
end

local function set_text(buf, text)
  local lines = vim.split(text, '\n', true)
  if lines[#lines] == '' then table.remove(lines) end
  api.nvim_buf_set_lines(buf, 0, -1, false, lines)
end

--- Puts the cursor of the current window on (0-based line, byte column).
local function cursor(buf, line, col)
  api.nvim_set_current_buf(buf)
  api.nvim_win_set_cursor(0, { line + 1, col })
end

--- Neovim 0.7's own completion: `vim.lsp.omnifunc` as <C-x><C-o> calls it in
--- insert mode. Its asynchronous `vim.fn.complete(startcol, items)` is captured
--- (headless there is no insert mode, so `mode()` answers "i" meanwhile).
local function omni_complete(buf, line, col)
  cursor(buf, line, col)
  local captured
  local saved_mode, saved_complete = rawget(vim.fn, 'mode'), rawget(vim.fn, 'complete')
  vim.fn.mode = function() return 'i' end
  vim.fn.complete = function(startcol, items) captured = { startcol = startcol, items = items } end
  local ok, err = pcall(function()
    vim.lsp.omnifunc(1, '')
    vim.wait(left(WAIT), function() return captured ~= nil end, 10)
  end)
  vim.fn.mode, vim.fn.complete = saved_mode, saved_complete
  if not ok then error(err) end
  assert(captured, 'vim.lsp.omnifunc did not complete within ' .. WAIT .. ' ms')
  return captured
end

--- What Vim does on accepting a complete() item: the text from startcol to the cursor becomes its word.
local function accept_word(line_text, startcol, col, word)
  return line_text:sub(1, startcol - 1) .. word .. line_text:sub(col + 1)
end

--- An LSP client's application of a completion item: its textEdit (else insertText/label at the cursor).
local function lsp_accept(line_text, line, col, item)
  local te = item.textEdit
  if te and te.range then
    assert(te.range.start.line == line and te.range['end'].line == line, 'textEdit spans lines')
    local s = util._str_byteindex_enc(line_text, te.range.start.character, 'utf-16')
    local e = util._str_byteindex_enc(line_text, te.range['end'].character, 'utf-16')
    return line_text:sub(1, s) .. te.newText .. line_text:sub(e + 1)
  end
  local word = (item.insertText and item.insertText ~= '') and item.insertText or item.label
  local start = vim.fn.match(line_text:sub(1, col), '\\k*$')
  return line_text:sub(1, start) .. word .. line_text:sub(col + 1)
end

local function brief_items(items, n)
  local out = {}
  for i = 1, math.min(n, #items) do
    local it = items[i]
    table.insert(out, {
      label = it.label,
      filterText = it.filterText,
      insertText = it.insertText,
      insertTextFormat = it.insertTextFormat,
      textEdit = it.textEdit,
      detail = it.detail,
    })
  end
  return out
end

local function completion_items(result)
  if result == nil then return {} end
  return result.items or result
end

local function step(name, fn)
  local rec = {}
  record.steps[name] = rec
  if left(1) == 0 then
    rec.ok = false
    rec.error = 'not run: the ' .. BUDGET / 1000 .. ' s budget of the Neovim run was spent by the steps before'
    return
  end
  current_step = name
  local started = vim.loop.hrtime()
  local ok, err = xpcall(fn, debug.traceback, rec)
  rec.ok = ok
  if not ok then rec.error = tostring(err) end
  rec.ms = math.floor((vim.loop.hrtime() - started) / 1e6)
end

local MAILER = 'profiles/LXC_mailer-config.nix'
local PLANE = 'profiles/LXC_plane-config.nix'
local MONITORING = 'profiles/LXC_monitoring-config.nix'
local PROXY = 'profiles/LXC_proxy-config.nix'
local DEFAULTS = 'lib/defaults.nix'
local INVENTORY = 'homelab.yaml'
local MODULE = 'system/app/monitoring.nix'

local function main()
  vim.o.hidden = true
  vim.o.swapfile = false
  -- The cursor may stand after the last character, as in insert mode at the end of a line.
  vim.o.virtualedit = 'onemore'
  vim.cmd('filetype on') -- as in a normal Neovim: *.nix buffers get filetype (languageId) "nix"

  step('startup', function(rec)
    local capabilities = vim.lsp.protocol.make_client_capabilities()
    capabilities.textDocument.completion.completionItem.snippetSupport = false
    rec.snippetSupport = capabilities.textDocument.completion.completionItem.snippetSupport
    client_id = vim.lsp.start_client({
      name = 'homelab',
      cmd = { NODE, SERVER, '--stdio' },
      root_dir = ROOT,
      capabilities = capabilities,
      settings = { homelab = { nixDiagnostics = 'auto', inlayHints = { enable = false } } },
      on_exit = function(code, signal)
        record.serverExit = { code = code, signal = signal, during = current_step }
      end,
    })
    assert(client_id, 'vim.lsp.start_client returned nil')
    local buf = open(MAILER)
    -- Ready: the server ended its start-up progress ("Reading the homelab…"),
    -- or published diagnostics for the opened profile.
    vim.wait(left(WAIT_STARTUP), function()
      return progress_ended or find_published(MAILER, 0, any) ~= nil
    end, 20)
    rec.progressEnded = progress_ended
    rec.progress = progress
    -- A clean file may get an empty set or nothing; give a late publication a moment.
    wait_published(MAILER, 0, any, 1000)
    local c = client()
    rec.initialized = c.initialized == true
    rec.offsetEncoding = c.offset_encoding
    rec.filetype = api.nvim_buf_get_option(buf, 'filetype')
    rec.mailer = publications(MAILER, 0)
    rec.nonEmpty = {}
    for _, p in ipairs(published) do
      if #p.diagnostics > 0 then table.insert(rec.nonEmpty, { file = p.fname:sub(#ROOT + 2), diagnostics = p.diagnostics }) end
    end
    rec.publications = #published
  end)

  step('diagnostics', function(rec)
    local buf = open(MAILER)
    local original = buf_text(buf)
    local after = find_line(buf, 'uptimeKumaEnable = true;')
    local since = #published
    api.nvim_buf_set_lines(buf, after + 1, after + 1, false, { '    grafanaEnabel = true;' })
    rec.line = after + 1
    rec.text = buf_text(buf)
    local p = wait_published(MAILER, since, has_code_at('unknown-setting', rec.line, 'grafanaEnabel'))
    rec.found = p and first_with(p.diagnostics, 'unknown-setting', rec.line) or vim.NIL
    rec.seen = publications(MAILER, since)
    set_text(buf, original)
  end)

  step('diskChange', function(rec)
    local p = path(PLANE)
    local original = read_file(p)
    local needle = '    dockerComposeProjects = [ "plane" ];\n'
    local at = original:find(needle, 1, true)
    assert(at, 'dockerComposeProjects line not in ' .. PLANE)
    local broken = original:sub(1, at - 1 + #needle) .. '    grafanaEnabel = true;\n' .. original:sub(at + #needle)
    local _, newlines = original:sub(1, at - 1 + #needle):gsub('\n', '')
    rec.line = newlines
    rec.opened = vim.fn.bufloaded(p) == 1
    local since = #published
    write_file(p, broken)
    local found = wait_published(PLANE, since, has_code_at('unknown-setting', rec.line, 'grafanaEnabel'), WAIT_DISK)
    rec.found = found and first_with(found.diagnostics, 'unknown-setting', rec.line) or vim.NIL
    rec.seen = publications(PLANE, since)
    local since2 = #published
    write_file(p, original)
    if found then
      -- The fix on disk clears it again.
      rec.clearedAfterRestore = wait_published(PLANE, since2, function(d) return not has_code_at('unknown-setting', rec.line)(d) end, WAIT_DISK) ~= nil
    end
  end)

  step('completeSetting', function(rec)
    local buf = open(MAILER)
    local original = buf_text(buf)
    local after = find_line(buf, 'uptimeKumaEnable = true;')
    local line = after + 1
    api.nvim_buf_set_lines(buf, line, line, false, { '    grafanaEn' })
    local typed = api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
    rec.line = line
    rec.typed = typed
    local col = #typed
    -- The raw answer, as any LSP client gets it.
    cursor(buf, line, col)
    local resp, err = client().request_sync('textDocument/completion', util.make_position_params(), left(WAIT), buf)
    assert(resp, 'completion: ' .. tostring(err))
    assert(not resp.err, 'completion error: ' .. vim.inspect(resp.err))
    local items = completion_items(resp.result)
    rec.count = #items
    local item
    for _, it in ipairs(items) do
      if it.label == 'grafanaEnable' then item = it end
    end
    rec.item = item and brief_items({ item }, 1)[1] or vim.NIL
    rec.first = brief_items(items, 5)
    if item then
      rec.isSnippet = item.insertTextFormat == 2
      rec.lspLine = lsp_accept(typed, line, col, item)
    end
    -- Neovim's own completion (omnifunc), accepting the grafanaEnable entry.
    local c = omni_complete(buf, line, col)
    rec.nvimStartcol = c.startcol
    rec.nvimWords = {}
    local word
    for i, m in ipairs(c.items) do
      if i <= 10 then table.insert(rec.nvimWords, m.word) end
      if m.abbr == 'grafanaEnable' then word = m.word end
    end
    rec.nvimWord = word or vim.NIL
    if word then
      api.nvim_buf_set_lines(buf, line, line + 1, false, { accept_word(typed, c.startcol, col, word) })
      rec.nvimLine = api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
      rec.nvimText = buf_text(buf)
    end
    rec.original = original
    set_text(buf, original)
  end)

  step('completeIp', function(rec)
    local buf = open(MAILER)
    local original = buf_text(buf)
    local line = find_line(buf, 'ipAddress = "192.168.8.89";')
    local typed = '    ipAddress = "192.168.8.'
    api.nvim_buf_set_lines(buf, line, line + 1, false, { typed })
    rec.line = line
    rec.typed = typed
    rec.original = original
    rec.before = buf_text(buf)
    local col = #typed
    cursor(buf, line, col)
    local resp, err = client().request_sync('textDocument/completion', util.make_position_params(), left(WAIT), buf)
    assert(resp, 'completion: ' .. tostring(err))
    assert(not resp.err, 'completion error: ' .. vim.inspect(resp.err))
    local items = completion_items(resp.result)
    rec.count = #items
    rec.first = brief_items(items, 5)
    if items[1] then rec.lspLine = lsp_accept(typed, line, col, items[1]) end
    local c = omni_complete(buf, line, col)
    rec.nvimStartcol = c.startcol
    rec.nvimWords = {}
    for i, m in ipairs(c.items) do
      if i <= 10 then table.insert(rec.nvimWords, m.word) end
    end
    if c.items[1] then
      api.nvim_buf_set_lines(buf, line, line + 1, false, { accept_word(typed, c.startcol, col, c.items[1].word) })
      rec.nvimLine = api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
      rec.nvimText = buf_text(buf)
    end
    set_text(buf, original)
  end)

  -- The same in the inventory (a YAML buffer): `ip: 192.168.8.` under a container.
  step('completeIpInventory', function(rec)
    local buf = open(INVENTORY)
    local original = buf_text(buf)
    local line = find_line(buf, 'ip: 192.168.8.102')
    local typed = '    ip: 192.168.8.'
    api.nvim_buf_set_lines(buf, line, line + 1, false, { typed })
    rec.line = line
    rec.typed = typed
    rec.filetype = api.nvim_buf_get_option(buf, 'filetype')
    rec.iskeyword = api.nvim_buf_get_option(buf, 'iskeyword')
    local col = #typed
    cursor(buf, line, col)
    local resp, err = client().request_sync('textDocument/completion', util.make_position_params(), left(WAIT), buf)
    assert(resp, 'completion: ' .. tostring(err))
    assert(not resp.err, 'completion error: ' .. vim.inspect(resp.err))
    local items = completion_items(resp.result)
    rec.count = #items
    rec.first = brief_items(items, 5)
    if items[1] then rec.lspLine = lsp_accept(typed, line, col, items[1]) end
    local c = omni_complete(buf, line, col)
    rec.nvimStartcol = c.startcol
    rec.nvimWords = {}
    for i, m in ipairs(c.items) do
      if i <= 10 then table.insert(rec.nvimWords, m.word) end
    end
    if c.items[1] then
      api.nvim_buf_set_lines(buf, line, line + 1, false, { accept_word(typed, c.startcol, col, c.items[1].word) })
      rec.nvimLine = api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
      rec.nvimText = buf_text(buf)
    end
    set_text(buf, original)
  end)

  step('hover', function(rec)
    local buf = open(MONITORING)
    local line = find_line(buf, 'grafanaEnable = true;')
    cursor(buf, line, 6)
    local resp, err = client().request_sync('textDocument/hover', util.make_position_params(), left(WAIT), buf)
    assert(resp, 'hover: ' .. tostring(err))
    rec.err = resp.err or vim.NIL
    local contents = resp.result and resp.result.contents
    rec.markdown = type(contents) == 'table' and (contents.value or vim.fn.json_encode(contents)) or contents or vim.NIL
    rec.range = resp.result and resp.result.range or vim.NIL
    rec.line = line
  end)

  step('definition', function(rec)
    local buf = open(MONITORING)
    local line = find_line(buf, 'grafanaEnable = true;')
    cursor(buf, line, 6)
    local resp, err = client().request_sync('textDocument/definition', util.make_position_params(), left(WAIT), buf)
    assert(resp, 'definition: ' .. tostring(err))
    rec.err = resp.err or vim.NIL
    local result = resp.result
    if result and not vim.tbl_islist(result) then result = { result } end
    rec.locations = {}
    for _, l in ipairs(result or {}) do
      local uri = l.targetUri or l.uri
      local range = l.targetSelectionRange or l.range
      table.insert(rec.locations, { fname = vim.uri_to_fname(uri), line = range.start.line, character = range.start.character })
    end
    -- Neovim's own jump (gd with vim.lsp.buf.definition): where does the cursor land?
    vim.lsp.buf.definition()
    vim.wait(left(WAIT), function() return api.nvim_get_current_buf() ~= buf end, 10)
    rec.jumpedTo = { fname = api.nvim_buf_get_name(0), line = api.nvim_win_get_cursor(0)[1] - 1 }
    pcall(vim.cmd, 'cclose')
  end)

  -- A module reading settings with a default (`systemSettings.x or …`): one that lib/defaults.nix
  -- declares (its read typed into the buffer), one that only profiles set.
  step('definitionInModule', function(rec)
    local buf = open(MODULE)
    local original = buf_text(buf)
    local function locations(line, col)
      cursor(buf, line, col)
      local resp, err = client().request_sync('textDocument/definition', util.make_position_params(), left(WAIT), buf)
      assert(resp, 'definition: ' .. tostring(err))
      assert(not resp.err, 'definition error: ' .. vim.inspect(resp.err))
      local result = resp.result
      if result and not vim.tbl_islist(result) then result = { result } end
      local out = {}
      for _, l in ipairs(result or {}) do
        local range = l.targetSelectionRange or l.range
        table.insert(out, { fname = vim.uri_to_fname(l.targetUri or l.uri), line = range.start.line, character = range.start.character })
      end
      return out
    end
    local line = find_line(buf, 'systemSettings.prometheusRemoteTargets;')
    local text = api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
    local start = text:find('prometheusRemoteTargets;', 1, true)
    -- As typed: ` or [ ]` inserted before the semicolon (an incremental change).
    api.nvim_buf_set_text(buf, line, start - 1 + #'prometheusRemoteTargets', line, start - 1 + #'prometheusRemoteTargets', { ' or [ ]' })
    rec.declaredText = api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
    rec.declared = locations(line, start + 2)
    local uline = find_line(buf, 'systemSettings.backupMonitoringEnable or false')
    local utext = api.nvim_buf_get_lines(buf, uline, uline + 1, false)[1]
    rec.undeclared = locations(uline, (utext:find('backupMonitoringEnable', 1, true)) + 2)
    -- Neovim's own jump (gd) from there.
    vim.lsp.buf.definition()
    vim.wait(left(WAIT), function() return api.nvim_get_current_buf() ~= buf end, 10)
    rec.jumpedTo = { fname = api.nvim_buf_get_name(0), line = api.nvim_win_get_cursor(0)[1] - 1 }
    pcall(vim.cmd, 'cclose')
    set_text(buf, original)
  end)

  step('quickFix', function(rec)
    local buf = open(PROXY)
    local original = buf_text(buf)
    local after = find_line(buf, 'hostname = "proxy";')
    local line = after + 1
    local since = #published
    api.nvim_buf_set_lines(buf, line, line, false, { '    /* ◉🏠 */ grafanaEnabel = true;' })
    rec.line = line
    rec.before = buf_text(buf)
    local p = wait_published(PROXY, since, has_code_at('unknown-setting', line, 'grafanaEnabel'))
    assert(p, 'no unknown-setting diagnostic on the line within ' .. WAIT .. ' ms; seen: ' .. vim.inspect(publications(PROXY, since)))
    rec.published = first_with(p.diagnostics, 'unknown-setting', line)
    -- What Neovim stores (byte columns) and sends back in the code action context.
    rec.stored = vim.lsp.diagnostic.get_line_diagnostics(buf, line, nil, client_id)
    local text = api.nvim_buf_get_lines(buf, line, line + 1, false)[1]
    cursor(buf, line, (text:find('grafanaEnabel', 1, true)) - 1)
    -- vim.lsp.buf.code_action() as the user runs it; the menu answers with the fix.
    local saved_select, saved_all = vim.ui.select, vim.lsp.buf_request_all
    local chosen, answered
    vim.lsp.buf_request_all = function(bufnr, method, params, cb)
      rec.params = params
      return saved_all(bufnr, method, params, function(results)
        answered = results
        cb(results)
      end)
    end
    vim.ui.select = function(items, _, on_choice)
      rec.titles = {}
      local pick
      for _, tuple in ipairs(items) do
        table.insert(rec.titles, tuple[2].title)
        if tuple[2].title == 'Replace with `grafanaEnable`' then pick = tuple end
      end
      chosen = pick or false
      rec.action = pick and pick[2] or vim.NIL
      on_choice(pick)
    end
    local ok, err = pcall(function()
      vim.lsp.buf.code_action()
      vim.wait(left(WAIT), function() return answered ~= nil end, 10)
    end)
    vim.ui.select, vim.lsp.buf_request_all = saved_select, saved_all
    if not ok then error(err) end
    if answered == nil then error('no code action answer within ' .. WAIT .. ' ms') end
    if chosen == nil then
      rec.answers = answered
      error('the code actions menu was not shown (no actions?)')
    end
    -- An action without an edit is resolved (codeAction/resolve) asynchronously.
    vim.wait(2000, function() return buf_text(buf) ~= rec.before end, 10)
    rec.after = buf_text(buf)
    set_text(buf, original)
  end)

  step('rename', function(rec)
    local buf = open(DEFAULTS)
    local line = find_line(buf, 'grafanaEnable = false;')
    cursor(buf, line, 6)
    rec.line = line
    local c = client()
    local resp, err = c.request_sync('textDocument/prepareRename', util.make_position_params(), left(WAIT), buf)
    assert(resp, 'prepareRename: ' .. tostring(err))
    rec.prepare = { err = resp.err or vim.NIL, result = resp.result or vim.NIL }
    -- vim.lsp.buf.rename as the user runs it (:lua vim.lsp.buf.rename('grafanaOn')).
    local saved = vim.lsp.handlers['textDocument/rename']
    local answered
    vim.lsp.handlers['textDocument/rename'] = function(e, result, ctx, config)
      answered = { err = e or vim.NIL, result = result or vim.NIL }
      return saved(e, result, ctx, config)
    end
    local ok, perr = pcall(function()
      vim.lsp.buf.rename('grafanaOn')
      vim.wait(left(WAIT), function() return answered ~= nil end, 10)
    end)
    vim.lsp.handlers['textDocument/rename'] = saved
    if not ok then error(perr) end
    assert(answered, 'no rename answer within ' .. WAIT .. ' ms')
    rec.renameErr = answered.err
    rec.files = {}
    local edit = answered.result
    local uris = {}
    if edit ~= vim.NIL then
      for uri in pairs(edit.changes or {}) do uris[uri] = true end
      for _, dc in ipairs(edit.documentChanges or {}) do
        if dc.textDocument then uris[dc.textDocument.uri] = true end
      end
    end
    for uri in pairs(uris) do
      local fname = vim.uri_to_fname(uri)
      local b = vim.fn.bufnr(fname)
      local rel = fname:sub(#ROOT + 2)
      rec.files[rel] = b > 0 and api.nvim_buf_is_loaded(b) and buf_text(b) or vim.NIL
    end
  end)
end

local ok, err = xpcall(main, debug.traceback)
current_step = 'shutdown'
if not ok then record.error = tostring(err) end
record.published = #published

if client_id then
  local c = vim.lsp.get_client_by_id(client_id)
  if c then
    c.stop()
    vim.wait(3000, function() return c.is_stopped() end, 20)
  end
end

write_file(OUT, vim.fn.json_encode(record))
vim.cmd('qa!')
