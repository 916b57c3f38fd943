-- Neovim's built-in LSP client against the installed ELB Lens server, set up by a snippet of
-- README.md. Environment: ELB_LENS_SNIPPET (the snippet, a Lua file), ELB_LENS_FILE (a .tf
-- file), ELB_LENS_OUT (result file), ELB_LENS_HOVER_LINE (0-based line to hover). Run with
-- `nvim --headless --clean` (file type detection on, no user configuration).
local file = os.getenv('ELB_LENS_FILE')
local out = os.getenv('ELB_LENS_OUT')

local function finish(ok, lines)
  local handle = io.open(out, 'w')
  handle:write(table.concat(lines, '\n') .. '\n')
  handle:close()
  if ok then vim.cmd('qa!') else vim.cmd('cq') end
end

dofile(os.getenv('ELB_LENS_SNIPPET'))
-- Opening the file is all a user does: the snippet starts the server and attaches it.
vim.cmd('edit ' .. file)

local got = vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 100)
if not got then finish(false, { 'error: no diagnostics arrived (filetype ' .. vim.bo.filetype .. ')' }) end

local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, string.format('diagnostic %s %d:%d %s', d.user_data and d.user_data.lsp and d.user_data.lsp.code or '?', d.lnum, d.col, d.source or ''))
end

local client
for _, c in pairs((vim.lsp.get_clients or vim.lsp.get_active_clients)()) do
  if c.name:match('^elb.lens$') then client = c end
end
if not client then finish(false, { 'error: no elb-lens client' }) end
local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = tonumber(os.getenv('ELB_LENS_HOVER_LINE')), character = 4 } }
local response = client.request_sync('textDocument/hover', params, 5000, 0)
if response and response.result and response.result.contents then
  local value = response.result.contents.value or ''
  table.insert(lines, 'hover ' .. value:gsub('\n.*', ''))
else
  table.insert(lines, 'hover none')
end
finish(true, lines)
