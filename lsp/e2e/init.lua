-- End-to-end check of a cscmd language server in a real Neovim (0.7 or later).
--
--   CSCMD_LSP_CMD='cscmd lsp' CSCMD_E2E_PLAN=plan.json nvim --headless --clean -u init.lua
--
-- CSCMD_LSP_CMD is the server command: words separated by spaces, or a JSON
-- array. CSCMD_E2E_PLAN names a JSON file:
--
--   {
--     "root": "/path/to/workspace",
--     "out": "/path/to/result.json",
--     "timeout_ms": 10000,
--     "files": [{
--       "path": "/path/to/workspace/a.cscmd",
--       "filetype": "cscmd",
--       "completion": {"line": 2, "col": 7},   -- 0-based line, byte column
--       "code_action": {"line": 0, "col": 21}, -- applies the preferred quick fix there
--       "format": true
--     }]
--   }
--
-- For each file the script waits for the server's diagnostics, then does what
-- the plan asks, and writes what it saw to "out" as JSON: the diagnostics
-- (positions as Neovim holds them, 0-based lines and byte columns), completion
-- labels, the buffer after the fix and the diagnostics of that version, the
-- buffer after formatting, and the server's exit code. It exits 0 when it could
-- write the result, whatever the result says; judging it is the caller's job.

-- Startup turns detection on only after the init file, which is where all of
-- this runs.
vim.cmd('filetype on')

local result = { errors = {}, files = {} }
local plan

local function fail(msg)
  table.insert(result.errors, msg)
end

local function read_file(path)
  local f = assert(io.open(path, 'r'))
  local s = f:read('*a')
  f:close()
  return s
end

local function write_result()
  local path = plan and plan.out or os.getenv('CSCMD_E2E_OUT') or 'cscmd-e2e-result.json'
  local f = assert(io.open(path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

local function server_cmd()
  local cmd = os.getenv('CSCMD_LSP_CMD')
  assert(cmd and cmd ~= '', 'CSCMD_LSP_CMD is not set')
  if cmd:sub(1, 1) == '[' then
    return vim.fn.json_decode(cmd)
  end
  return vim.split(cmd, ' ', { trimempty = true })
end

-- Publications per URI, with the document version they are for, so that a
-- wait can be for the diagnostics of one exact version.
local published = {}

local function on_publish(err, params, ctx, config)
  published[params.uri] = { version = params.version, count = #params.diagnostics }
  return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, config)
end

local function wait(what, cond)
  local ok = vim.wait(plan.timeout_ms or 10000, cond, 20)
  if not ok then
    fail('timed out waiting for ' .. what)
  end
  return ok
end

local function diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(out, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or vim.NIL,
    })
  end
  table.sort(out, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return out
end

local function lines(bufnr)
  return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
end

-- wait_version waits for the diagnostics of the buffer's current version.
local function wait_version(bufnr, uri)
  local version = vim.lsp.util.buf_versions[bufnr]
  return wait('diagnostics of ' .. uri .. ' version ' .. tostring(version), function()
    local p = published[uri]
    return p ~= nil and p.version == version
  end)
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, plan.timeout_ms or 10000)
  if not responses then
    fail(method .. ': ' .. tostring(err))
    return nil
  end
  for _, r in pairs(responses) do
    if r.err then
      fail(method .. ': ' .. vim.inspect(r.err))
      return nil
    end
    return r.result
  end
end

local function check_file(client, spec)
  vim.cmd('edit ' .. vim.fn.fnameescape(spec.path))
  local bufnr = vim.api.nvim_get_current_buf()
  if spec.filetype then
    vim.bo[bufnr].filetype = spec.filetype
  end
  vim.lsp.buf_attach_client(bufnr, client.id)
  local uri = vim.uri_from_bufnr(bufnr)
  local out = { path = spec.path, filetype = vim.bo[bufnr].filetype }
  table.insert(result.files, out)

  wait_version(bufnr, uri)
  out.diagnostics = diagnostics(bufnr)

  if spec.completion then
    vim.api.nvim_win_set_cursor(0, { spec.completion.line + 1, spec.completion.col })
    local res = request(bufnr, 'textDocument/completion', vim.lsp.util.make_position_params())
    local items = res and (res.items or res) or {}
    out.completion = {}
    for _, item in ipairs(items) do
      table.insert(out.completion, item.label)
    end
  end

  if spec.code_action then
    vim.api.nvim_win_set_cursor(0, { spec.code_action.line + 1, spec.code_action.col })
    local params = vim.lsp.util.make_range_params()
    params.context = { diagnostics = {}, only = { 'quickfix' } }
    local actions = request(bufnr, 'textDocument/codeAction', params) or {}
    out.code_actions = {}
    local chosen
    for _, a in ipairs(actions) do
      table.insert(out.code_actions, a.title)
      if a.isPreferred and not chosen then
        chosen = a
      end
    end
    if chosen and chosen.edit then
      vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
      out.applied = chosen.title
      out.after_fix = lines(bufnr)
      wait_version(bufnr, uri)
      out.diagnostics_after_fix = diagnostics(bufnr)
    else
      fail('no preferred quick fix in ' .. spec.path)
    end
  end

  if spec.format then
    local edits = request(bufnr, 'textDocument/formatting', vim.lsp.util.make_formatting_params())
    if edits then
      vim.lsp.util.apply_text_edits(edits, bufnr, client.offset_encoding)
    end
    out.formatted = lines(bufnr)
    wait_version(bufnr, uri)
    out.diagnostics_after_format = diagnostics(bufnr)
  end
end

local function main()
  plan = vim.fn.json_decode(read_file(assert(os.getenv('CSCMD_E2E_PLAN'), 'CSCMD_E2E_PLAN is not set')))
  result.nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch)

  local exit_code
  local client_id = vim.lsp.start_client({
    name = 'cscmd',
    cmd = server_cmd(),
    root_dir = plan.root,
    flags = { allow_incremental_sync = true, debounce_text_changes = 0 },
    handlers = { ['textDocument/publishDiagnostics'] = on_publish },
    on_init = function(c, init_result)
      result.server = {
        info = init_result.serverInfo or vim.NIL,
        position_encoding = init_result.capabilities.positionEncoding or vim.NIL,
        offset_encoding = c.offset_encoding,
      }
    end,
    on_exit = function(code)
      exit_code = code
    end,
  })
  assert(client_id, 'the server did not start')
  local client = vim.lsp.get_client_by_id(client_id)
  if not wait('initialize', function() return client.initialized end) then
    return
  end

  for _, spec in ipairs(plan.files) do
    local ok, err = pcall(check_file, client, spec)
    if not ok then
      fail(spec.path .. ': ' .. tostring(err))
    end
  end

  vim.lsp.stop_client(client_id)
  wait('server exit', function() return exit_code ~= nil end)
  result.exit_code = exit_code or vim.NIL
end

local ok, err = pcall(main)
if not ok then
  fail(tostring(err))
end
local wrote, werr = pcall(write_result)
if not wrote then
  io.stderr:write('cannot write the result: ' .. tostring(werr) .. '\n')
  vim.cmd('cquit! 2')
end
vim.cmd('qall!')
