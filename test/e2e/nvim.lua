-- Neovim's built-in LSP client against the ELB Lens server.
-- Environment: ELB_LENS_SERVER (bundle path), ELB_LENS_FILE (a .tf file), ELB_LENS_OUT (result file).
local server = os.getenv('ELB_LENS_SERVER')
local file = os.getenv('ELB_LENS_FILE')
local out = os.getenv('ELB_LENS_OUT')

local function finish(ok, lines)
  local handle = io.open(out, 'w')
  handle:write(table.concat(lines, '\n') .. '\n')
  handle:close()
  if ok then vim.cmd('qa!') else vim.cmd('cq') end
end

vim.cmd('edit ' .. file)
vim.bo.filetype = 'terraform'
local client_id = vim.lsp.start_client({
  name = 'elb-lens',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
if not client_id then finish(false, { 'error: could not start the server' }) end
vim.lsp.buf_attach_client(0, client_id)

local got = vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 100)
if not got then finish(false, { 'error: no diagnostics arrived' }) end

local lines = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  table.insert(lines, string.format('diagnostic %s %d:%d %s', d.user_data and d.user_data.lsp and d.user_data.lsp.code or '?', d.lnum, d.col, d.source or ''))
end

local client = vim.lsp.get_client_by_id(client_id)
local params = { textDocument = { uri = vim.uri_from_bufnr(0) }, position = { line = tonumber(os.getenv('ELB_LENS_HOVER_LINE')), character = 4 } }
local response = client.request_sync('textDocument/hover', params, 5000, 0)
if response and response.result and response.result.contents then
  local value = response.result.contents.value or ''
  table.insert(lines, 'hover ' .. value:gsub('\n.*', ''))
else
  table.insert(lines, 'hover none')
end
finish(true, lines)
