-- Application submission as a resident's app does it: create a draft (with an Idempotency-Key), upload
-- the application form as a small PDF (multipart), submit with the signed commitment (告知承诺). One
-- connection per wrk thread, so each thread walks its own flow. args: <file with one access token a line>
dofile("bench/lua/threads.lua")
local item = "HN-WJW-GGCSWSXK"
local form = '{"companyName":"长沙市芙蓉区示例宾馆","businessAddress":"长沙市芙蓉区五一大道 1 号",'
  .. '"legalRepresentative":"张三","phone":"13800138000"}'
local boundary = "banhao-bench-boundary"
-- A small but real PDF document (about 1 KiB).
local pdf = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
  .. "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n" .. string.rep("% bench padding\n", 56)
  .. "trailer<</Root 1 0 R>>\n%%EOF\n"

function init(args)
  local tokens = {}
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(tokens, line) end
  end
  token = "Bearer " .. tokens[(id % #tokens) + 1]
  step, flow, submitted, number = 0, 0, 0, nil
  upload = "--" .. boundary .. "\r\nContent-Disposition: form-data; name=\"name\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
    .. "公共场所卫生许可申请表\r\n--" .. boundary
    .. "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"form.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
    .. pdf .. "\r\n--" .. boundary .. "--\r\n"
end

function request()
  if step == 0 then
    flow = flow + 1
    return wrk.format("POST", "/api/v1/applications", { ["Authorization"] = token,
      ["Content-Type"] = "application/json", ["Idempotency-Key"] = string.format("bench-%d-%d-%d", id, flow, os.time()) },
      '{"itemCode":"' .. item .. '","formData":' .. form .. '}')
  elseif step == 1 then
    return wrk.format("POST", "/api/v1/applications/" .. number .. "/materials", { ["Authorization"] = token,
      ["Content-Type"] = "multipart/form-data; boundary=" .. boundary }, upload)
  end
  return wrk.format("POST", "/api/v1/applications/" .. number .. "/submit", { ["Authorization"] = token,
    ["Content-Type"] = "application/json", ["Idempotency-Key"] = string.format("bench-submit-%s", number) },
    '{"commitment":{"accepted":true}}')
end

function response(status, headers, body)
  if step == 0 then
    number = body:match('"applicationNo":"(%d+)"')
    step = (status == 201 and number) and 1 or 0
  elseif step == 1 then
    step = status == 201 and 2 or 0
  else
    if status == 200 then submitted = submitted + 1 end
    step = 0
  end
end

-- As report.lua, but req/s is submissions (three requests each) per second; latencies are per request.
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("submitted") end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"rps":%.1f,"requestRps":%.1f,"p50Us":%d,"p99Us":%d,"maxUs":%d,"errors":%d}\n',
    total, summary.duration, total / (summary.duration / 1e6), summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max, errors))
end
