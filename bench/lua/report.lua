-- wrk reporter: one JSON line with what bench/run.sh compares (latencies in microseconds).
done = function(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format(
    '{"requests":%d,"durationUs":%d,"rps":%.1f,"p50Us":%d,"p99Us":%d,"maxUs":%d,"errors":%d}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max, errors))
end
