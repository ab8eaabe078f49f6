-- Booking a video-service slot (POST /api/v1/me/video-appointments, issue 13): every request is another resident
-- (tokens minted by bench/mint_tokens.py, each used once) booking the next slot of a window with plenty of
-- capacity, so it measures the booking path itself — idempotency claim, no-show check, the availability row lock,
-- the count of places taken, the insert and the audit line — not refusals. An answer other than 201 is an error.
-- args: <tokens file> <availability id> <item code> <file of slot starts, one a line> <threads>
dofile("bench/lua/threads.lua")

function init(args)
  local nthreads = tonumber(args[5])
  tokens = {}
  local n = 0
  for line in io.lines(args[1]) do
    n = n + 1
    if #line > 0 and (n % nthreads) == id then table.insert(tokens, line) end
  end
  starts = {}
  for line in io.lines(args[4]) do
    if #line > 0 then table.insert(starts, line) end
  end
  availability, item = args[2], args[3]
  sent, booked, refused, exhausted = 0, 0, 0, 0
end

function request()
  sent = sent + 1
  local token = tokens[sent]
  if token == nil then
    exhausted = 1
    return wrk.format("GET", "/api/v1/system/ping")
  end
  local start = starts[(sent + id) % #starts + 1]
  return wrk.format("POST", "/api/v1/me/video-appointments", {
    ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token,
    ["Idempotency-Key"] = "bench-" .. id .. "-" .. sent }, '{"availabilityId":"' .. availability
    .. '","slotStart":"' .. start .. '","itemCode":"' .. item .. '","description":"压测预约"}')
end

function response(status, headers, body)
  if status == 201 then
    booked = booked + 1
  elseif status ~= 200 then
    refused = refused + 1
  end
end

done = function(summary, latency, requests)
  local total, bad, ran_out = 0, 0, 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("booked")
    bad = bad + thread:get("refused")
    ran_out = math.max(ran_out, thread:get("exhausted"))
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + bad
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"rps":%.1f,"p50Us":%d,"p99Us":%d,"maxUs":%d,"errors":%d,"exhausted":%s}\n',
    total, summary.duration, total / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    latency.max, errors, ran_out == 1 and "true" or "false"))
end
