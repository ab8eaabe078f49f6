-- Setup for the submit scenario, and the create-draft scenario itself: each wrk thread (one connection) creates drafts
-- of 公共场所卫生许可 as fast as the server takes them for wrk's -d, as its residents in turn, <each> drafts a
-- resident (the app's limit of open drafts, 20, unless it is lifted), and writes "<resident> <number>" lines to
-- <prefix>.<thread>; submit.lua then submits each once, as the same resident. Where a thread's residents are in
-- their turn is kept beside the token file (<tokens>.next.<thread>), so the next run (a warm-up's rounds, the
-- measured run, a comparison's bursts) goes on where the last one stopped. A thread whose residents are all used sends
-- pings instead, and the report says so ("exhausted"), since its req/s counts drafts only.
-- args: <file with one access token a line> <output file prefix> [residents a thread, 1] [drafts a resident, 20]
dofile("bench/lua/threads.lua")
dofile("bench/lua/application.lua")

function init(args)
  per = tonumber(args[3] or "1")
  each = tonumber(args[4] or "20")
  tokens = resident_tokens(args[1], per)
  next_file = args[1] .. ".next." .. id
  resident, made = 1, 0
  local f = io.open(next_file, "r")
  if f then
    -- wrk stops with a request in flight, so the resident the last run stopped at may hold a draft more than it counted
    resident, made = f:read("*n", "*n")
    f:close()
    made = made + 1
    if made >= each then resident, made = resident + 1, 0 end
  end
  -- appended: a warm-up runs the script several times into the same files
  out = io.open(args[2] .. "." .. id, "a")
  sent, created, exhausted = 0, 0, 0
end

function request()
  sent = sent + 1
  drafting = resident <= per
  if not drafting then
    exhausted = 1
    return wrk.format("GET", "/api/v1/system/ping")
  end
  return wrk.format("POST", "/api/v1/applications", { ["Authorization"] = tokens[resident],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-draft-%d-%d-%d-%d", id, resident, sent, os.time()) }, draft_body)
end

function response(status, headers, body)
  local number = drafting and status == 201 and body:match('"applicationNo":"(%d+)"')
  if not number then return end
  out:write(resident, " ", number, "\n")
  out:flush()
  created, made = created + 1, made + 1
  if made == each then resident, made = resident + 1, 0 end
  local f = io.open(next_file, "w")
  f:write(resident, " ", made, "\n")
  f:close()
end

done = counted_report("created")
