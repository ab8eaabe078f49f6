-- Submission (POST /api/v1/applications/{no}/submit with the signed commitment, 告知承诺), each draft
-- drafts.lua created submitted once, by the resident who made it. Lines <first>..<last> of the thread's file are
-- its share. A thread whose drafts run out sends pings instead, and the report says so ("exhausted"), since its
-- req/s counts submissions only.
-- args: <file with one access token a line> <drafts file prefix> <first line> <last line> [residents a thread, 1]
dofile("bench/lua/threads.lua")
dofile("bench/lua/application.lua")

function init(args)
  tokens = resident_tokens(args[1], tonumber(args[5] or "1"))
  local first, last = tonumber(args[3]), tonumber(args[4])
  drafts = {}
  local n = 0
  for line in io.lines(args[2] .. "." .. id) do
    n = n + 1
    if n >= first and n <= last then
      local resident, number = line:match("(%d+) (%d+)")
      table.insert(drafts, { tokens[tonumber(resident)], number })
    end
  end
  sent, submitted, exhausted = 0, 0, 0
end

function request()
  sent = sent + 1
  local draft = drafts[sent]
  submitting = draft ~= nil
  if not submitting then
    exhausted = 1
    return wrk.format("GET", "/api/v1/system/ping")
  end
  return wrk.format("POST", "/api/v1/applications/" .. draft[2] .. "/submit", { ["Authorization"] = draft[1],
    ["Content-Type"] = "application/json", ["Idempotency-Key"] = "bench-submit-" .. draft[2] },
    '{"commitment":{"accepted":true}}')
end

function response(status, headers, body)
  if submitting and status == 200 then
    submitted = submitted + 1
  end
end

done = counted_report("submitted")
