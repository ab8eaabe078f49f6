-- Setup for the login scenario: asks for one SMS code per phone, as many as it can in wrk's -d, and
-- writes "phone code" lines.
-- The phone travels in X-Request-Id, which the API echoes, so answers pair with requests on any
-- number of connections. args: <output file prefix> <first number, so runs never share a phone>
dofile("bench/lua/threads.lua")

function init(args)
  out = io.open(args[1] .. "." .. id, "w")
  offset = tonumber(args[2])
  sent = 0
end

function request()
  sent = sent + 1
  -- 1[3-9]: a distinct mobile prefix per thread, then the thread's own counter.
  local phone = string.format("1%d%09d", 3 + (id % 7), id * 100000000 + offset + sent)
  return wrk.format("POST", "/api/v1/auth/otp",
    { ["Content-Type"] = "application/json", ["X-Request-Id"] = "bench-" .. phone },
    '{"phone":"' .. phone .. '"}')
end

function response(status, headers, body)
  local phone = (headers["X-Request-Id"] or headers["x-request-id"] or ""):match("bench%-(%d+)")
  local code = body:match('"devCode":"(%d+)"')
  if status == 202 and phone and code then
    out:write(phone, " ", code, "\n")
    out:flush()
  end
end
