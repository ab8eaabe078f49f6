#!/usr/bin/env bash
# Load benchmark of the packaged app on embedded PostgreSQL/Redis (see bench/README.md).
# Each scenario: a warm-up, then a measured wrk run; the first scenario is the baseline the others are
# compared with. Prints a table and writes bench/results/latest.json.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}        # measured run per scenario
WARMUP=${WARMUP:-5s}             # warm-up per scenario (JIT, caches), not measured
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
PORT=${PORT:-18090}
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
BASE="http://127.0.0.1:${PORT}"

# name | path | minimum ratio of the baseline's req/s (blank: none) | p99 limit in ms (blank: none)
# The first line is the baseline. Another scenario is one more line.
SCENARIOS=$(cat <<'LIST'
ping|/api/v1/system/ping||
home|/api/v1/home|0.70|20
item-detail|/api/v1/catalog/items/HN-WJW-GGCSWSXK|0.70|20
LIST
)

command -v wrk >/dev/null || { echo "wrk not found: apt-get update && apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] || { echo "$JAR missing: run ./mvnw -q package -DskipTests first" >&2; exit 2; }

DATA=$(mktemp -d)
LOG="$DATA/app.log"
QUARKUS_HTTP_PORT="$PORT" BANHAO_DATA_DIR="$DATA" java -jar "$JAR" >"$LOG" 2>&1 &
APP=$!
cleanup() { kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT

for _ in $(seq 1 240); do
  curl -sf "$BASE/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP" 2>/dev/null || { echo "the app exited:"; tail -40 "$LOG"; exit 1; }
  sleep 0.5
done
curl -sf "$BASE/q/health/ready" >/dev/null || { echo "the app was not ready in 120 s"; tail -40 "$LOG"; exit 1; }

mkdir -p bench/results
RAW="$DATA/raw.jsonl"
while IFS='|' read -r name path ratio p99; do
  [ -n "$name" ] || continue
  echo "… $name: warm-up $WARMUP, then $DURATION at $CONNECTIONS connections" >&2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$BASE$path" >/dev/null
  result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/report.lua "$BASE$path" | tail -1)
  printf '{"name":"%s","path":"%s","minRatio":"%s","maxP99Ms":"%s","result":%s}\n' \
    "$name" "$path" "$ratio" "$p99" "$result" >>"$RAW"
done <<<"$SCENARIOS"

python3 - "$RAW" "$CONNECTIONS" "$DURATION" <<'PY'
import json, sys, datetime, os, platform
rows = [json.loads(l) for l in open(sys.argv[1])]
base = rows[0]["result"]["rps"]
out, ok = [], True
print(f"{'scenario':<14}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'ratio':>8}  verdict")
for r in rows:
    res = r["result"]
    ratio = res["rps"] / base if base else 0.0
    p99 = res["p99Us"] / 1000
    checks = []
    if r["minRatio"]:
        checks.append(ratio >= float(r["minRatio"]))
    if r["maxP99Ms"]:
        checks.append(p99 < float(r["maxP99Ms"]))
    checks.append(res["errors"] == 0)
    verdict = "baseline" if r is rows[0] else ("PASS" if all(checks) else "FAIL")
    ok = ok and verdict != "FAIL"
    target = f" (≥{r['minRatio']}×, p99<{r['maxP99Ms']} ms)" if r["minRatio"] else ""
    print(f"{r['name']:<14}{res['rps']:>10.0f}{res['p50Us']/1000:>9.2f}{p99:>9.2f}{res['errors']:>8}{ratio:>8.2f}  {verdict}{target}")
    out.append({"scenario": r["name"], "path": r["path"], "rps": round(res["rps"], 1),
                "p50Ms": res["p50Us"] / 1000, "p99Ms": p99, "errors": res["errors"],
                "ratioToBaseline": round(ratio, 3), "minRatio": r["minRatio"] or None,
                "maxP99Ms": r["maxP99Ms"] or None, "verdict": verdict})
doc = {"at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
       "connections": int(sys.argv[2]), "duration": sys.argv[3], "cpus": os.cpu_count(),
       "host": platform.node(), "loadAverage": os.getloadavg()[0], "scenarios": out, "pass": ok}
json.dump(doc, open("bench/results/latest.json", "w"), indent=2, ensure_ascii=False)
print(f"written bench/results/latest.json (load average at the end: {doc['loadAverage']:.1f} on {doc['cpus']} CPUs)")
sys.exit(0 if ok else 1)
PY
