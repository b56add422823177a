-- Loaded with --cmd, before the configuration under test: records which of
-- Neovim's ways to start a language server that configuration calls
-- (vim.lsp.start_client, vim.lsp.start, vim.lsp.enable), in order, in
-- _G.cscmd_lsp_calls for check.lua, and passes every call through unchanged.
_G.cscmd_lsp_calls = {}
for _, name in ipairs({ 'start_client', 'start', 'enable' }) do
  local f = vim.lsp[name]
  if f then
    vim.lsp[name] = function(...)
      table.insert(_G.cscmd_lsp_calls, name)
      return f(...)
    end
  end
end
