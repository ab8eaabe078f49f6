-- Carrier tracking callbacks (邮政寄递, issue 14): POST /api/v1/postal/tracking-events, each a signed report (Standard
-- Webhooks, local mode's secret, signed by bench/sign_tracking.py just before) that another parcel was picked up, so
-- every request verifies an HMAC, records the webhook id, locks one parcel, inserts its tracking event, moves it and
-- writes its outbox event. An answer other than {"outcome":"APPLIED"} counts as an error.
-- args: <file of signed lines> <first line> <last line> <threads>. A thread out of lines sends pings ("exhausted").
dofile("bench/lua/threads.lua")

function init(args)
  local first, last, nthreads = tonumber(args[2]), tonumber(args[3]), tonumber(args[4])
  lines = {}
  local n = 0
  for line in io.lines(args[1]) do
    n = n + 1
    if n >= first and n <= last and (n % nthreads) == id then
      local wid, ts, sig, body = line:match("([^\t]+)\t([^\t]+)\t([^\t]+)\t(.+)")
      table.insert(lines, { wid, ts, sig, body })
    end
  end
  sent, applied, wrong, exhausted = 0, 0, 0, 0
end

function request()
  sent = sent + 1
  local l = lines[sent]
  if l == nil then
    exhausted = 1
    return wrk.format("GET", "/api/v1/system/ping")
  end
  return wrk.format("POST", "/api/v1/postal/tracking-events", { ["Content-Type"] = "application/json",
    ["webhook-id"] = l[1], ["webhook-timestamp"] = l[2], ["webhook-signature"] = l[3] }, l[4])
end

function response(status, headers, body)
  if status == 200 and body:find('"APPLIED"', 1, true) then
    applied = applied + 1
  elseif exhausted == 0 then
    wrong = wrong + 1
  end
end

-- As counted_report("applied"), with the 200 answers that were not APPLIED (a parcel seen twice) among the errors.
local report = counted_report("applied")
done = function(summary, latency, requests)
  for _, thread in ipairs(threads) do
    summary.errors.status = summary.errors.status + thread:get("wrong")
  end
  report(summary, latency, requests)
end
