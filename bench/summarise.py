"""Turns bench/run.sh's raw wrk lines into the printed table and bench/results/latest.json.

Targets (issues 6, 11 and 16; bench/README.md explains each): reads with a ratio target reach that share of
the same run's baseline req/s with p99 under their limit; a scenario with a "ceiling" target reaches that
share of pgbench's one-row-insert rate, one with a "shape" target that share of pgbench running a
submission's statements (bench/sql/submit-shape.sql); every scenario has zero errors and was answered at all; the scale-out run saw
both instances; a resident's live progress event arrives within a second (p95) of sending the submit, none
missed; the first request comes within 3 s of starting with PostgreSQL and Redis already running and
migrated, within 6 s with the embedded servers on an existing data directory; RSS after the load stays
within 400 MiB with default JVM flags.
Usage: summarise.py RAW.jsonl OUT.json < run facts (JSON)
"""
import datetime
import json
import os
import platform
import sys

raw, out_path = sys.argv[1], sys.argv[2]
facts = json.load(sys.stdin)
rows = [json.loads(line) for line in open(raw) if line.strip()]
partial = "selection" in facts  # SCENARIOS=…: only the selected scenarios ran, on one instance
ceiling = 0 if partial else facts["pgbench"]["tps"]
shape_tps = 0 if partial else facts["pgbench"]["submitShapeTps"]
baseline = {r["group"]: r["result"]["rps"] for r in rows if r["name"] == "ping"}
single_rps = {r["name"]: r["result"]["rps"] for r in rows if r["group"] == "single"}
ok = True
scenarios = []

print(f"{'group':<10}{'scenario':<14}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'ratio':>8}  verdict")
for r in rows:
    res = r["result"]
    p99 = res["p99Us"] / 1000
    base = baseline.get(r["group"]) or 0
    ratio = res["rps"] / base if base else 0.0
    # A scenario that got no answer at all (the app hung) has no latency to fail on: it fails here.
    checks, target = [res["errors"] == 0, res["requests"] > 0], ""
    if r["targetKind"] == "ratio":
        checks.append(ratio >= float(r["target"]))
        target = f"≥ {float(r['target']):.0%} of ping"
    elif r["targetKind"] == "shape":
        share = res["rps"] / shape_tps if shape_tps else 0.0
        checks.append(share >= float(r["target"]))
        target = f"≥ {float(r['target']):.0%} of submit-shape ({share:.0%})"
    elif r["targetKind"] == "ceiling":
        share = res["rps"] / ceiling if ceiling else 0.0
        checks.append(share >= float(r["target"]))
        target = f"≥ {float(r['target']):.0%} of pgbench ({share:.0%})"
    if r["maxP99Ms"]:
        checks.append(p99 < float(r["maxP99Ms"]))
        target += f", p99 < {r['maxP99Ms']} ms"
    if r["group"] != "single" and r["name"] in single_rps and single_rps[r["name"]]:
        target += f" ({res['rps'] / single_rps[r['name']]:.2f}× one instance)"
    if res.get("exhausted"):
        checks.append(False)
        target += " (ran out of prepared SMS codes, drafts or residents before the end: measured too little)"
    verdict = "PASS" if all(checks) else "FAIL"
    ok = ok and verdict == "PASS"
    print(f"{r['group']:<10}{r['name']:<14}{res['rps']:>9.0f}{res['p50Us'] / 1000:>9.2f}{p99:>9.2f}"
          f"{res['errors']:>8}{ratio:>8.2f}  {verdict}  {target.strip(', ')}")
    scenarios.append({"group": r["group"], "scenario": r["name"], "rps": round(res["rps"], 1),
                      "requests": res["requests"], "p50Ms": res["p50Us"] / 1000, "p99Ms": p99,
                      "errors": res["errors"], "ratioToBaseline": round(ratio, 3),
                      "target": target.strip(", ") or None, "verdict": verdict})

if partial:
    doc = {"at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
           "cpus": os.cpu_count(), "host": platform.node(), "loadAverage": os.getloadavg()[0],
           **facts, "scenarios": scenarios, "pass": ok}
    with open(out_path, "w") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
    print(f"{'PASS' if ok else 'FAIL'}: selection {facts['selection']} only, written {out_path} "
          f"(load average at the end: {doc['loadAverage']:.1f} on {doc['cpus']} CPUs)")
    sys.exit(0 if ok else 1)
pg = facts["pgbench"]
print(f"{'database':<10}{'pgbench':<14}{pg['tps']:>9.0f}   one-row inserts, mean {pg['latencyMs']} ms, "
      f"fsync/synchronous_commit = {pg['durability']}")
shape = pg["submitShapeTps"]
print(f"{'database':<10}{'submit-shape':<14}{shape:>9.0f}   a submission's {pg['submitShapeStatements']} statements in one transaction, "
      f"no application: {shape / pg['tps']:.0%} of the one-row-insert rate (bench/sql/submit-shape.sql)")
if pg["durability"] != "on/on":
    print("FAIL  the database ran without fsync and synchronous commit: the ceiling is not comparable")
    ok = False
live = facts["liveEvent"]
live_ok = live["count"] > 0 and live["missed"] == 0 and live["p95Ms"] < 1000
ok = ok and live_ok
print(f"{'single':<10}{'live-event':<14}{live['count']:>9}   submit → SUBMITTED on the resident's stream: p50 {live['p50Ms']} ms, "
      f"p95 {live['p95Ms']} ms, max {live['maxMs']} ms, missed {live['missed']}  {'PASS' if live_ok else 'FAIL'}  p95 < 1000 ms, none missed")
scale = facts["scaleOut"]
if scale["enabled"]:
    seen = scale["instancesSeen"] == 2
    ok = ok and seen
    print(f"{'scale-out':<10}{'instances':<14}{scale['instancesSeen']:>9}   behind nginx  {'PASS' if seen else 'FAIL'}")
def verdict_line(name, value, limit, unit, what):
    global ok
    passed = value is not None and value <= limit
    ok = ok and passed
    shown = "—" if value is None else f"{value:.0f}"
    print(f"{'start':<10}{name:<14}{shown:>9} {unit}  {what}  {'PASS' if passed else 'FAIL'}  ≤ {limit} {unit}")

servers_running = facts.get("firstRequestServersRunningMs")
if scale["enabled"]:
    verdict_line("servers-up", servers_running, 3000, "ms",
                 "first request after java -jar, PostgreSQL and Redis already running and migrated (instance B)")
verdict_line("existing-data", facts["firstRequestExistingDataMs"], 6000, "ms",
             "first request after java -jar, embedded servers on an existing data directory (A restarted)")
verdict_line("rss", facts["rssKbAfterLoad"] / 1024, 400, "MiB",
             "RSS of instance A after the load, " + (f"JAVA_OPTS {facts['javaOpts']}" if facts.get("javaOpts")
                                                    else "default JVM flags"))
print(f"first successful request {facts['firstRequestMs']} ms after the process started (fresh data directory: "
      f"initdb, migrations, seed)")

doc = {"at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
       "cpus": os.cpu_count(), "host": platform.node(), "loadAverage": os.getloadavg()[0],
       **facts, "scenarios": scenarios, "pass": ok}
with open(out_path, "w") as f:
    json.dump(doc, f, indent=2, ensure_ascii=False)
print(f"{'PASS' if ok else 'FAIL'}: written {out_path} (load average at the end: {doc['loadAverage']:.1f} on {doc['cpus']} CPUs)")
sys.exit(0 if ok else 1)
