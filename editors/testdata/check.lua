-- Opens each file of $CSCMD_CHECK_FILES (separated by newlines) in Neovim set
-- up by the README's snippet alone, waits for the server's diagnostics and
-- writes what it saw to $CSCMD_CHECK_OUT as JSON: per file, its file type and
-- the rule id of each diagnostic; and, when lsp-calls.lua was loaded first,
-- which vim.lsp functions the configuration called to start the server.
local v = vim.version()
local out = { editor = string.format('%d.%d.%d', v.major, v.minor, v.patch), files = {} }
local ok, err = pcall(function()
  for path in os.getenv('CSCMD_CHECK_FILES'):gmatch('[^\n]+') do
    vim.cmd('edit ' .. vim.fn.fnameescape(path))
    local buf = vim.api.nvim_get_current_buf()
    vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
    local codes = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(codes, d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.message)
    end
    table.sort(codes)
    table.insert(out.files, { path = path, filetype = vim.bo[buf].filetype, codes = codes })
  end
end)
if not ok then out.error = tostring(err) end
out.calls = _G.cscmd_lsp_calls
local f = assert(io.open(os.getenv('CSCMD_CHECK_OUT'), 'w'))
f:write(vim.fn.json_encode(out))
f:close()
-- 0.12 deprecates get_active_clients and stop_client, printing a warning.
if vim.fn.has('nvim-0.11') == 1 then
  for _, client in ipairs(vim.lsp.get_clients()) do client:stop() end
else
  vim.lsp.stop_client(vim.lsp.get_active_clients())
end
vim.cmd('qall!')
