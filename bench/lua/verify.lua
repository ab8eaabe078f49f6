-- Public verification of presentations (亮证核验, issue 12): run.sh has the demo resident make fresh multi-use
-- presentations just before (one token per line); each request posts the next token to
-- POST /api/v1/wallet/presentations/verify, the threads starting at different places in the list, so the
-- verifications in flight are of different presentations. The operation recognises the token by its digest, checks
-- the presentation and the certificate's status, counts the use and writes a line to the holder's usage ledger. An
-- answer other than "valid": true counts as an error.
-- args: <file holding the tokens, one per line>
dofile("bench/lua/threads.lua")

function init(args)
  bodies = {}
  for line in io.lines(args[1]) do
    if #line > 0 then
      table.insert(bodies, '{"token":"' .. line .. '"}')
    end
  end
  next_body = (id * 7919) % #bodies
  invalid = 0
end

function request()
  next_body = next_body % #bodies + 1
  return wrk.format("POST", "/api/v1/wallet/presentations/verify", { ["Content-Type"] = "application/json" }, bodies[next_body])
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
