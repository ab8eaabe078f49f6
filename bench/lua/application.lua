-- Shared by the application scripts: the item, its form and the resident a wrk thread acts as.
item = "HN-WJW-GGCSWSXK"
draft_body = '{"itemCode":"' .. item .. '","formData":{"companyName":"长沙市芙蓉区示例宾馆",'
  .. '"businessAddress":"长沙市芙蓉区五一大道 1 号","legalRepresentative":"张三","phone":"13800138000"}}'

-- The access tokens of the thread's residents: <per> lines of the file from line id × per + 1, so the thread that
-- created a draft (drafts.lua writes the resident's place among them with it) and the one that submits it are the
-- same resident.
function resident_tokens(file, per)
  local all = {}
  for line in io.lines(file) do
    if #line > 0 then table.insert(all, line) end
  end
  local mine = {}
  for k = 1, per do
    local token = all[id * per + k]
    assert(token, string.format("%s has %d tokens, too few for thread %d's %d residents", file, #all, id, per))
    mine[k] = "Bearer " .. token
  end
  return mine
end
