-- Drives `leads lsp` with Neovim's own LSP client (nvim --headless), as a user's editor would:
-- opens a lead, waits for the server's diagnostics, asks for a completion, and writes what the
-- client received as JSON for test_neovim.py to assert. Written for Neovim 0.7 and later.
local leads = os.getenv('LEADS_BIN')
local root = os.getenv('LEADS_ROOT')
local file = os.getenv('LEADS_FILE')
local out = os.getenv('LEADS_OUT')
local line = tonumber(os.getenv('LEADS_COMPLETION_LINE'))
local character = tonumber(os.getenv('LEADS_COMPLETION_CHARACTER'))

local function finish(result)
  local handle = io.open(out, 'w')
  handle:write(vim.fn.json_encode(result))
  handle:close()
  vim.cmd('qall!')
end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'leads',
  cmd = { leads, 'lsp', '--as-of', '2026-11-23' },
  root_dir = root,
})
if not client_id then
  finish({ error = 'the client did not start' })
end
vim.lsp.buf_attach_client(buffer, client_id)

local arrived = vim.wait(20000, function()
  return #vim.diagnostic.get(buffer) > 0
end, 50)

local diagnostics = {}
for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
  local code = diagnostic.code
  if code == nil and diagnostic.user_data and diagnostic.user_data.lsp then
    code = diagnostic.user_data.lsp.code
  end
  table.insert(diagnostics, {
    lnum = diagnostic.lnum,
    col = diagnostic.col,
    end_col = diagnostic.end_col,
    severity = diagnostic.severity,
    code = code,
    message = diagnostic.message,
  })
end

local params = {
  textDocument = { uri = vim.uri_from_bufnr(buffer) },
  position = { line = line, character = character },
}
local responses = vim.lsp.buf_request_sync(buffer, 'textDocument/completion', params, 20000) or {}
local labels = {}
for _, response in pairs(responses) do
  local items = response.result and (response.result.items or response.result) or {}
  for _, item in ipairs(items) do
    table.insert(labels, item.label)
  end
end

finish({ arrived = arrived, diagnostics = diagnostics, completion = labels })
