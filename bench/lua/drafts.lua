-- Setup for the submit scenario: each wrk thread, as its own resident (one connection per thread), creates
-- drafts of 公共场所卫生许可 as fast as the server takes them for wrk's -d, and writes their numbers to
-- <prefix>.<thread>; submit.lua then submits each once, as the same resident.
-- args: <file with one access token a line> <output file prefix>
dofile("bench/lua/threads.lua")
dofile("bench/lua/application.lua")
dofile("bench/lua/report.lua")

function init(args)
  token = resident_token(args[1])
  -- appended: a warm-up runs the script several times into the same files
  out = io.open(args[2] .. "." .. id, "a")
  created = 0
end

function request()
  created = created + 1
  return wrk.format("POST", "/api/v1/applications", { ["Authorization"] = token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-draft-%d-%d-%d", id, created, os.time()) }, draft_body)
end

function response(status, headers, body)
  local number = body:match('"applicationNo":"(%d+)"')
  if status == 201 and number then
    out:write(number, "\n")
    out:flush()
  end
end
