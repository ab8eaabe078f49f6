-- Login by SMS code (POST /api/v1/auth/login), each code used once, from the file otp-issue.lua wrote.
-- args: <file with "phone code" lines> <first line> <last line> <threads>. wrk runs for its whole -d:
-- a thread whose codes run out sends pings instead, and the report says so ("exhausted"), since its
-- req/s counts logins only.
dofile("bench/lua/threads.lua")

function init(args)
  local first, last, nthreads = tonumber(args[2]), tonumber(args[3]), tonumber(args[4])
  codes = {}
  local n = 0
  for line in io.lines(args[1]) do
    n = n + 1
    if n >= first and n <= last and (n % nthreads) == id then
      local phone, code = line:match("(%d+) (%d+)")
      table.insert(codes, { phone, code })
    end
  end
  sent, logins, exhausted = 0, 0, 0
end

function request()
  sent = sent + 1
  local c = codes[sent]
  if c == nil then
    exhausted = 1
    return wrk.format("GET", "/api/v1/system/ping")
  end
  return wrk.format("POST", "/api/v1/auth/login", { ["Content-Type"] = "application/json" },
    '{"phone":"' .. c[1] .. '","code":"' .. c[2] .. '"}')
end

function response(status, headers, body)
  if status == 200 and body:find('"accessToken"', 1, true) then
    logins = logins + 1
  end
end

done = counted_report("logins")
