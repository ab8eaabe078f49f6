-- Shared by the scripts that keep per-thread state: each wrk thread gets an "id" (0, 1, …) and the main
-- state keeps the threads, so done() can add up what they counted.
threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- A done() for scripts that use prepared inputs once each (SMS codes, drafts): req/s counts what each thread
-- tallied in the global <counter>, and "exhausted" says whether a thread ran out of inputs before the end.
function counted_report(counter)
  return function(summary, latency, requests)
    local total, ran_out = 0, 0
    for _, thread in ipairs(threads) do
      total = total + thread:get(counter)
      ran_out = math.max(ran_out, thread:get("exhausted"))
    end
    local e = summary.errors
    local errors = e.connect + e.read + e.write + e.status + e.timeout
    io.write(string.format(
      '{"requests":%d,"durationUs":%d,"rps":%.1f,"p50Us":%d,"p99Us":%d,"maxUs":%d,"errors":%d,"exhausted":%s}\n',
      total, summary.duration, total / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
      latency.max, errors, ran_out == 1 and "true" or "false"))
  end
end
