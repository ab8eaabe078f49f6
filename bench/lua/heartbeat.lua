-- Live viewers (政务直播, issue 13): distinct anonymous viewers heart-beating one LIVE stream, made just before by
-- run.sh. Each thread cycles through its own 20 000 viewer ids, so nearly every request is another viewer (the
-- HyperLogLog and the sorted set both grow). Each heartbeat: the stream's state from the cache, one Redis script.
-- args: <stream id>
dofile("bench/lua/threads.lua")
dofile("bench/lua/report.lua")

function init(args)
  path = "/api/v1/live/streams/" .. args[1] .. "/heartbeats"
  n = 0
end

function request()
  n = n + 1
  local body = string.format('{"viewerId":"%08x-0000-4000-8000-%012x"}', id or 0, n % 20000)
  return wrk.format("POST", path, { ["Content-Type"] = "application/json" }, body)
end
