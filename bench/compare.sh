#!/usr/bin/env bash
# Two builds (or two settings of one) compared on one noisy machine (see bench/README.md "Comparing two builds"):
# both run at once, each on its own embedded PostgreSQL and Redis, and short bursts of the same load alternate
# between them, so the host's drift over minutes falls on both alike. Prints each burst's requests/s and CPU per
# request (the JVM's, and its PostgreSQL's), then the medians and the median of the paired differences.
#
#   bench/compare.sh A.jar B.jar                     # drafts (POST /api/v1/applications, 20 a resident), 8 rounds of 8 s
#   SCENARIO=list bench/compare.sh A.jar B.jar       # GET /api/v1/applications?limit=20 (gzip accepted) of a resident with ~1,700
#   SCENARIO=login bench/compare.sh A.jar B.jar      # POST /api/v1/auth/login, each burst new phones' codes (asked for before it)
#   SCENARIO=submit bench/compare.sh A.jar B.jar     # POST /api/v1/applications/{no}/submit (告知承诺), each burst new drafts (made before it)
#   ENV_B="QUARKUS_X=y" bench/compare.sh A.jar A.jar # one build, a setting changed for B
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

[ $# = 2 ] || { sed -n '2,10p' "$0" >&2; exit 2; }
SCENARIO=${SCENARIO:-drafts}       # drafts | list | ping | login | submit
ROUNDS=${ROUNDS:-8}
SECS=${SECS:-8}                     # one burst
# Warm-up: 10-s bursts each, alternating, until both JITs compiled for under a tenth of a core in their last burst
# (the JVM's CPU per draft still halved over minutes of load while C2 worked), at most WARM_MAX seconds of bursts.
WARM_MAX=${WARM_MAX:-400}
CONNECTIONS=${CONNECTIONS:-50}
# drafts: residents a connection drafts as, 20 drafts each (the app's limit of open drafts, kept), enough for WARM_MAX
# and the rounds at up to ~700 drafts/s; logging them in takes some 50 s an instance.
RESIDENTS_PER_CONNECTION=${RESIDENTS_PER_CONNECTION:-200}
case $SCENARIO in drafts | list | ping | login | submit) ;; *) echo "SCENARIO is drafts, list, ping, login or submit" >&2; exit 2 ;; esac
command -v wrk >/dev/null || { echo "wrk is missing (bench/run.sh installs it)" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is missing (bench/run.sh installs it)" >&2; exit 1; }

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
WORK=$(mktemp -d)
declare -A APP PORT DIR PG_PORT
cleanup() {
  for b in A B; do [ -z "${APP[$b]:-}" ] || kill "${APP[$b]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Local mode (the log SMS gateway gives the codes). The draft limit stays for drafts (each of its residents makes 20);
# list's resident makes some 1,700, and submit's each as many as a burst's setup gets done (a submission does not
# count them), so those two lift it.
LIMITS=""
[ "$SCENARIO" = drafts ] || LIMITS="BANHAO_APPLICATIONS_MAX_OPEN_DRAFTS=100000000"
start() { # name jar extra-env
  local dir="$WORK/$1" port
  port=$(free_port)
  PG_PORT[$1]=$(free_port)
  mkdir -p "$dir"
  # shellcheck disable=SC2086 # the extra settings are words on purpose
  env $LIMITS $3 BANHAO_LOCAL_MODE=true BANHAO_OTP_PER_IP_PER_HOUR=100000000 QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$(free_port)" \
    BANHAO_DATA_DIR="$dir/data" BANHAO_KEY_DIR="$dir/keys" BANHAO_EMBEDDED_POSTGRES_PORT="${PG_PORT[$1]}" \
    BANHAO_EMBEDDED_REDIS_PORT="$(free_port)" java ${JAVA_OPTS:-} -jar "$2" >"$dir/app.log" 2>&1 &
  APP[$1]=$!
  PORT[$1]=$port
  DIR[$1]=$dir
}
start A "$1" "${ENV_A:-}"
start B "$2" "${ENV_B:-}"
for b in A B; do
  for _ in $(seq 1 600); do curl -sf -o /dev/null "http://127.0.0.1:${PORT[$b]}/api/v1/system/ping" && break; sleep 0.25; done
  curl -sf -o /dev/null "http://127.0.0.1:${PORT[$b]}/api/v1/system/ping" \
    || { echo "$b did not start; its log:" >&2; tail -20 "${DIR[$b]}/app.log" >&2; exit 1; }
  residents=$CONNECTIONS
  [ "$SCENARIO" != drafts ] || residents=$((CONNECTIONS * RESIDENTS_PER_CONNECTION))
  login_residents "http://127.0.0.1:${PORT[$b]}" "$residents" 0 "${DIR[$b]}/tokens"
  if [ "$SCENARIO" = list ]; then # the first resident's drafts (30 s of them, some 1,700), for the list
    head -1 "${DIR[$b]}/tokens" >"${DIR[$b]}/lister"
    wrk -t1 -c1 -d30s -s bench/lua/drafts.lua "http://127.0.0.1:${PORT[$b]}" -- "${DIR[$b]}/lister" "${DIR[$b]}/listed" 1 100000000 \
      >/dev/null
    # A list shorter than its page would be a lighter scenario, not the one measured.
    [ "$(cat "${DIR[$b]}/listed".* 2>/dev/null | grep -c .)" -ge 20 ] \
      || { echo "$b: the lister made fewer than 20 drafts; its log:" >&2; tail -20 "${DIR[$b]}/app.log" >&2; exit 1; }
    # Statistics now, not whenever autovacuum comes by: unanalysed, the planner guessed 8 of the lister's 1,700 rows
    # and sorted them all (3.7 ms) instead of reading 21 off application_mine (0.1 ms).
    PGPASSWORD=$(cat "${DIR[$b]}/data/postgres.password") psql -q -h 127.0.0.1 -p "${PG_PORT[$b]}" -U postgres -d banhao \
      -c "ANALYZE application"
  fi
done

HZ=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# CPU of the instance's PostgreSQL: its postmaster (the process started on its data directory) and the backends under it.
pg_ticks() {
  local total=0 p pm
  for pm in $(pgrep -f -- "${DIR[$1]}/data/postgres" || true); do
    for p in $pm $(pgrep -P "$pm" || true); do total=$((total + $(ticks "$p"))); done
  done
  echo "$total"
}
# A login burst's codes: twice its time of them (asking is quicker than logging in), for phones no burst used before
# (each phone gets one code a minute); asked for before the burst's CPU is read, so not counted.
login_codes() { # name seconds
  local made
  made=$(cat "$WORK/code-runs" 2>/dev/null || echo 0)
  echo $((made + 1)) >"$WORK/code-runs"
  rm -f "${DIR[$1]}/codes".*
  wrk -t2 -c"$CONNECTIONS" -d"$(($2 * 2))s" -s bench/lua/otp-issue.lua "http://127.0.0.1:${PORT[$1]}" -- "${DIR[$1]}/codes" \
    "$((made * 100000))" >/dev/null
  cat "${DIR[$1]}/codes".* >"${DIR[$1]}/codes.txt"
}
# A submit burst's drafts: each connection's resident drafts for twice the burst's time (a draft is quicker to make than
# to submit), before the burst's CPU is read, so not counted; each is submitted once.
submit_drafts() { # name seconds
  rm -f "${DIR[$1]}/fresh".*
  wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$(($2 * 2))s" -s bench/lua/drafts.lua "http://127.0.0.1:${PORT[$1]}" -- \
    "${DIR[$1]}/tokens" "${DIR[$1]}/fresh" 1 100000000 >/dev/null
}
burst() { # name seconds → requests/s, JVM ms and PostgreSQL ms of CPU per request
  local base="http://127.0.0.1:${PORT[$1]}" j0 p0 rps
  [ "$SCENARIO" != login ] || login_codes "$1" "$2"
  [ "$SCENARIO" != submit ] || submit_drafts "$1" "$2"
  j0=$(ticks "${APP[$1]}"); p0=$(pg_ticks "$1")
  case $SCENARIO in
    # drafts.lua's own count, as login's: a thread out of residents sends pings.
    drafts) rps=$(wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$2s" -s bench/lua/drafts.lua "$base" -- "${DIR[$1]}/tokens" "${DIR[$1]}/drafts" \
      "$RESIDENTS_PER_CONNECTION" | tail -1 | python3 -c 'import json, sys; r = json.load(sys.stdin)
print(r["rps"] if not r["exhausted"] and not r["errors"] else 0)') ;;
    list) rps=$(wrk -t2 -c"$CONNECTIONS" -d"$2s" -H "Accept-Encoding: gzip" -H "Authorization: Bearer $(cat "${DIR[$1]}/lister")" "$base/api/v1/applications?limit=20" \
      | awk '/Requests\/sec/ {print $2}') ;;
    ping) rps=$(wrk -t2 -c"$CONNECTIONS" -d"$2s" -H "Accept-Encoding: gzip" "$base/api/v1/system/ping" | awk '/Requests\/sec/ {print $2}') ;;
    # login.lua's own count: a thread out of codes sends pings, which wrk's req/s would count.
    login) rps=$(wrk -t2 -c"$CONNECTIONS" -d"$2s" -s bench/lua/login.lua "$base" -- "${DIR[$1]}/codes.txt" 1 \
      "$(wc -l <"${DIR[$1]}/codes.txt")" 2 | tail -1 | python3 -c 'import json, sys; r = json.load(sys.stdin)
print(r["rps"] if not r["exhausted"] and not r["errors"] else 0)') ;;
    # submit.lua's own count, as login's: a thread out of drafts sends pings.
    submit) rps=$(wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$2s" -s bench/lua/submit.lua "$base" -- "${DIR[$1]}/tokens" \
      "${DIR[$1]}/fresh" 1 1000000 | tail -1 | python3 -c 'import json, sys; r = json.load(sys.stdin)
print(r["rps"] if not r["exhausted"] and not r["errors"] else 0)') ;;
  esac
  python3 -c 'import sys; r, s, hz, dj, dp = map(float, sys.argv[1:]); n = r * s or 1
print(f"{r:.1f} {dj / hz * 1000 / n:.3f} {dp / hz * 1000 / n:.3f}")' \
    "${rps:-0}" "$2" "$HZ" $(($(ticks "${APP[$1]}") - j0)) $(($(pg_ticks "$1") - p0))
}

warmed=0 quiet=0
while [ "$quiet" = 0 ] && [ "$warmed" -lt "$WARM_MAX" ]; do
  quiet=1
  for b in A B; do
    c0=$(jit_ms_of "${APP[$b]}"); burst $b 10 >/dev/null
    [ $(($(jit_ms_of "${APP[$b]}") - c0)) -lt 1000 ] || quiet=0 # under 1 s of compiling in 10 s, as run.sh's warm-up
  done
  warmed=$((warmed + 20))
done
say "warmed up for ${warmed} s of bursts, $([ "$quiet" = 1 ] && echo "both JITs quiet" || echo "still compiling at WARM_MAX")"
echo "round build req/s jvm-ms/req pg-ms/req"
for round in $(seq 1 "$ROUNDS"); do
  # Who goes first alternates too: a burst right after the other's can find the machine busier or quieter.
  order="A B"; [ $((round % 2)) = 0 ] && order="B A"
  for b in $order; do echo "$round $b $(burst $b "$SECS")"; done
done | tee "$WORK/bursts"
python3 - "$WORK/bursts" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    r, b, rps, jvm, pg = line.split()
    rows.setdefault(b, {})[int(r)] = (float(rps), float(jvm), float(pg))
a, b = rows["A"], rows["B"]
for name, i in (("req/s", 0), ("JVM ms/request", 1), ("PostgreSQL ms/request", 2)):
    diffs = [b[r][i] - a[r][i] for r in a if r in b]
    print(f"{name:22} A {statistics.median(v[i] for v in a.values()):9.3f}   B {statistics.median(v[i] for v in b.values()):9.3f}"
          f"   B−A per round: median {statistics.median(diffs):+.3f} (from {min(diffs):+.3f} to {max(diffs):+.3f})")
PY
