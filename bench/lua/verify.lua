-- Public verification of a presentation (亮证核验, issue 12): every request posts the same multi-use presentation
-- token, made just before by run.sh for the demo resident, to POST /api/v1/wallet/presentations/verify, which checks
-- two SM2 signatures, the digests of the disclosed fields, the presentation and the certificate's status, counts the
-- use and writes a line to the holder's usage ledger. An answer other than "valid": true counts as an error.
-- args: <file holding the token>
dofile("bench/lua/threads.lua")

function init(args)
  local f = assert(io.open(args[1]))
  local token = f:read("*l")
  f:close()
  body = '{"token":"' .. token .. '"}'
  invalid = 0
end

function request()
  return wrk.format("POST", "/api/v1/wallet/presentations/verify", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status == 200 and not body:find('"valid":true', 1, true) then
    invalid = invalid + 1
  end
end

done = function(summary, latency, requests)
  local refused = 0
  for _, thread in ipairs(threads) do
    refused = refused + thread:get("invalid")
  end
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout + refused
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"rps":%.1f,"p50Us":%d,"p99Us":%d,"maxUs":%d,"errors":%d}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max, errors))
end
