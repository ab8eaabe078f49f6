-- Shared by the scripts that keep per-thread state: each wrk thread gets an "id" (0, 1, …) and the main
-- state keeps the threads, so done() can add up what they counted.
threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end
