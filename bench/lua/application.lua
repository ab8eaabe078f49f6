-- Shared by the application scripts: the item, its form and the resident a wrk thread acts as.
item = "HN-WJW-GGCSWSXK"
draft_body = '{"itemCode":"' .. item .. '","formData":{"companyName":"长沙市芙蓉区示例宾馆",'
  .. '"businessAddress":"长沙市芙蓉区五一大道 1 号","legalRepresentative":"张三","phone":"13800138000"}}'

-- The access token of the thread's resident: line (id mod count) of the file, so a thread that created
-- drafts and the thread that submits them are the same resident.
function resident_token(file)
  local tokens = {}
  for line in io.lines(file) do
    if #line > 0 then table.insert(tokens, line) end
  end
  return "Bearer " .. tokens[(id % #tokens) + 1]
end
