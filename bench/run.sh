#!/usr/bin/env bash
# Load benchmark of the packaged app (see bench/README.md). Builds nothing: it runs the jar that
# `./mvnw package` made, on embedded PostgreSQL/Redis (or the external ones the QUARKUS_* variables
# name), loads it from a second process with wrk, measures the database's own insert ceiling with
# pgbench, repeats the load through nginx in front of two instances, and prints one table with
# PASS/FAIL per target. Writes bench/results/latest.json; exits non-zero when a target is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh                      # login_residents, shared with bench/compare.sh

DURATION=${DURATION:-8s}           # measured run per scenario
# Unmeasured run before it (JIT, caches, pools). 20 s: with 4 s the JIT on these 2 cores was still compiling the
# scenario's path during the measured run (C2 + C1 threads at ~37% of the machine while booking), and every figure
# read a cold JVM (ping 7–11k req/s after 4 s, 26–30k after 20 s; verify 786 → 1,743; book 93 → 174).
WARMUP=${WARMUP:-20s}
# The scenarios that can repeat their requests (reads, verify, heartbeat) warm up for longer while the JIT is still
# busy: after $WARMUP, on in 5-s rounds until a round in which it compiled for under a tenth of a core, at most
# $WARMUP_MAX in all. On these 2 cores verify's path kept the C2 compiler busy for ~35 s; measured at 20–28 s it read
# 1,500–1,850 req/s (p99 54–67 ms), once the JIT was quiet 2,400–2,500 for minutes (see bench/README.md).
# create-draft used all of 60 s and was measured with C2 still at work: in bench/compare.sh the JVM's CPU per draft fell
# from ~7.5 to ~2 ms over three minutes of drafts, and the compiler went quiet after 90–110 s of them (2026-12-05).
WARMUP_MAX=${WARMUP_MAX:-150s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
# Residents a connection drafts as, 20 drafts each (the app's limit of open drafts): until 2026-12-06 each connection
# was one resident with the limit lifted, holding 500–700 open drafts by the end, and each draft's count of the
# resident's open drafts read them all (963 of them: 408 buffers, 24.5 ms), a load no resident can make. 100 × 20 holds
# what the create-draft warm-up and run make at a connection (up to 1,300 drafts; each wrk run counts a draft more
# for the resident it goes on with, which the last run may have made unanswered); "exhausted" says when it does not.
RESIDENTS_PER_CONNECTION=${RESIDENTS_PER_CONNECTION:-100}
PORT=${PORT:-18090}                # instance A; B is PORT+1, the load balancer PORT+9
SCALE_OUT=${SCALE_OUT:-1}          # 0 skips the two-instance run; "only" runs a selection behind the balancer alone
JAR=${JAR:-target/quarkus-app/quarkus-run.jar}
# Which scenarios: all (default), or a comma-separated selection of reads, verify, appointments, login, applications, heartbeat,
# tracking-push.
# A selection runs those (and the ping baseline their ratios need) on instance A only: no database ceiling, no
# scale-out, no restart, no live-progress timing. e.g. SCENARIOS=heartbeat,reads bench/run.sh
# With SCALE_OUT=only a selection runs behind nginx on both instances instead (and A alone runs nothing):
# e.g. SCALE_OUT=only SCENARIOS=applications PG_WAITS=1 bench/run.sh
SCENARIOS=${SCENARIOS:-all}
[ "$SCALE_OUT" != only ] || [ "$SCENARIOS" != all ] || { echo "SCALE_OUT=only needs a selection (SCENARIOS=…)" >&2; exit 2; }
PORT_B=$((PORT + 1))
LB_PORT=$((PORT + 9))
MGMT_PORT=$((PORT + 2))            # A's management interface (health, metrics); B's is PORT+3
MGMT_PORT_B=$((PORT + 3))

# A tool missing from the machine comes from Debian's packages (as root), or the script says what to install.
need() {
  local tool=$1 package=$2
  command -v "$tool" >/dev/null && return
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing $package"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package") >/dev/null
  fi
  command -v "$tool" >/dev/null || { echo "$tool not found: apt-get install -y $package" >&2; exit 2; }
}
need wrk wrk
need pgbench postgresql-client
need psql postgresql-client
[ "$SCALE_OUT" = 0 ] || need nginx nginx-light
[ -f "$JAR" ] || { echo "$JAR missing: run ./mvnw -q package -DskipTests first" >&2; exit 2; }

WORK=$(mktemp -d)
RAW="$WORK/raw.jsonl"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  # The instances' logs and wrk's raw lines outlive the run (bench/results/run/, a few MiB): a line that reads zero
  # requests and zero errors, as scale-out submit did once on 2026-12-06 and not in a rerun, can then be looked into.
  rm -rf bench/results/run && mkdir -p bench/results/run
  cp "$WORK"/*.log "$RAW" bench/results/run/ 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

# Shared servers: the embedded ones of instance A (fixed ports, so B and pgbench find them), unless
# external ones are configured, in which case every instance and pgbench use those.
EXTERNAL_PG=${QUARKUS_DATASOURCE_REACTIVE_URL:-}
PG_PORT=$(free_port)
REDIS_PORT=$(free_port)
# Local mode: the log SMS gateway hands the scenarios their login codes (devCode), the app listens on loopback.
# Both instances take the client address from nginx's X-Forwarded-For, believed from loopback only, as a
# production node believes it from its load balancer alone.
# The per-resident quotas (20 open drafts, 200 MiB) stay as they are: the application scenarios log in enough residents.
COMMON_ENV=(BANHAO_OTP_PER_IP_PER_HOUR=100000000 BANHAO_WALLET_VERIFY_PER_IP_PER_MINUTE=100000000 BANHAO_LOCAL_MODE=true
  QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING=true QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED=true
  QUARKUS_HTTP_PROXY_TRUSTED_PROXIES=127.0.0.1)

wait_for() { # url seconds log pid
  for _ in $(seq 1 $(($2 * 4))); do
    curl -sf -o /dev/null "$1" && return 0
    kill -0 "$4" 2>/dev/null || { echo "the app exited:" >&2; tail -40 "$3" >&2; exit 1; }
    sleep 0.25
  done
  echo "no answer from $1 in $2 s" >&2; tail -40 "$3" >&2; exit 1
}

# Instance A on its data directory (embedded servers on fixed ports); sets APP_A and STARTED_MS (to its first request).
start_a() { # log
  local started
  started=$(now_ms)
  env "${COMMON_ENV[@]}" QUARKUS_HTTP_PORT="$PORT" QUARKUS_MANAGEMENT_PORT="$MGMT_PORT" BANHAO_DATA_DIR="$WORK/a" BANHAO_KEY_DIR="$WORK/a-keys" \
    BANHAO_EMBEDDED_POSTGRES_PORT="$PG_PORT" BANHAO_EMBEDDED_REDIS_PORT="$REDIS_PORT" \
    java ${JAVA_OPTS:-} -jar "$JAR" >"$1" 2>&1 &
  APP_A=$!
  PIDS+=("$APP_A")
  wait_for "http://127.0.0.1:$PORT/api/v1/system/ping" 180 "$1" "$APP_A"
  STARTED_MS=$(($(now_ms) - started))
}

say "starting instance A on port $PORT"
start_a "$WORK/a.log"
FIRST_REQUEST_MS=$STARTED_MS
wait_for "http://127.0.0.1:$MGMT_PORT/q/health/ready" 60 "$WORK/a.log" "$APP_A"

if [ -n "$EXTERNAL_PG" ]; then
  PG_URL="postgresql://${QUARKUS_DATASOURCE_USERNAME:-postgres}:${QUARKUS_DATASOURCE_PASSWORD:-}@${EXTERNAL_PG#postgresql://}"
else
  # The embedded servers ask for the passwords instance A generated beside their data.
  PG_URL="postgresql://postgres:$(cat "$WORK/a/postgres.password")@127.0.0.1:$PG_PORT/banhao"
fi

# PG_WAITS=1: every half second, what the database's sessions are doing (bench/results/run/pg-waits.log: time,
# sessions, state, wait event, oldest transaction's age in ms, the statement's start), and the lock requests not granted
# by lock type: a phase that stalls, as scale-out submit did on 2026-12-06, shows what its sessions waited on.
if [ "${PG_WAITS:-0}" = 1 ]; then
  while sleep 0.5; do
    psql -XAtq -F' ' "$PG_URL" -c "(SELECT to_char(clock_timestamp(), 'HH24:MI:SS.MS'), count(*), state,
        coalesce(wait_event_type || ':' || wait_event, '-'),
        coalesce(max((extract(epoch FROM clock_timestamp() - xact_start) * 1000)::int), 0),
        regexp_replace(left(query, 70), '\s+', ' ', 'g')
      FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
      GROUP BY 3, 4, 6 ORDER BY 2 DESC)
      UNION ALL
      (SELECT to_char(clock_timestamp(), 'HH24:MI:SS.MS'), count(*), 'lock-wait', locktype || ':' || mode, 0, ''
      FROM pg_locks WHERE NOT granted GROUP BY locktype, mode)" 2>/dev/null || true
  done >"$WORK/pg-waits.log" &
  PIDS+=("$!")
fi

record() { # group name target-kind target-value max-p99-ms result-json
  printf '{"group":"%s","name":"%s","targetKind":"%s","target":"%s","maxP99Ms":"%s","result":%s}\n' \
    "$1" "$2" "$3" "$4" "$5" "$6" >>"$RAW"
}

# Milliseconds the JIT of the running instances has spent compiling (lib.sh).
jit_ms() {
  local pid total=0
  for pid in "$APP_A" ${APP_B:+"$APP_B"}; do total=$((total + $(jit_ms_of "$pid"))); done
  echo "$total"
}

# The unmeasured load of a scenario whose requests can repeat: $WARMUP, then 5-s rounds until the JIT compiled for
# under 10% of a core in one (500 ms of 5 s), at most $WARMUP_MAX in all. Prints how long it took.
# WRK_THREADS (default $THREADS) for a script that needs a wrk thread per connection.
warm_up() { # wrk-arguments...
  local spent=${WARMUP%s} before
  wrk -t"${WRK_THREADS:-$THREADS}" -c"$CONNECTIONS" -d"$WARMUP" "$@" >/dev/null
  while [ "$spent" -lt "${WARMUP_MAX%s}" ]; do
    before=$(jit_ms)
    wrk -t"${WRK_THREADS:-$THREADS}" -c"$CONNECTIONS" -d5s "$@" >/dev/null
    spent=$((spent + 5))
    [ $(($(jit_ms) - before)) -ge 500 ] || break
  done
  echo "${spent}s"
}

# The same warm-up for a scenario whose inputs are used once (SMS codes, booking residents): "$1 prepare <round>
# <seconds>" makes a round's inputs (setup: the JIT's work then is not counted; failing when there are none left),
# "$1 run <round> <seconds>" uses them; round 0 runs for $WARMUP, then 5-s rounds until the JIT compiled for under a
# tenth of a core in one, at most $WARMUP_MAX in all.
warm_up_fresh() { # round-function → prints how long it took
  local spent=${WARMUP%s} round=0 before
  "$1" prepare 0 "$spent" >/dev/null
  "$1" run 0 "$spent" >/dev/null
  while [ "$spent" -lt "${WARMUP_MAX%s}" ]; do
    round=$((round + 1))
    "$1" prepare "$round" 5 >/dev/null || break
    before=$(jit_ms)
    "$1" run "$round" 5 >/dev/null
    spent=$((spent + 5))
    [ $(($(jit_ms) - before)) -ge 500 ] || break
  done
  echo "${spent}s"
}

# Every GET says it accepts gzip, as every phone's and browser's HTTP stack does: what residents get is the compressed
# representation (cached ones compressed once, others on the way when ≥ 1 KiB; platform/web/ResponseCompression).
# The write scripts leave it out: wrk cannot inflate the bodies they read, and their answers are under 1 KiB (login
# 711 bytes, draft 844, submit 699, verify 683), which go out uncompressed either way.
measure_get() { # group base name path target-kind target max-p99 [header]
  local group=$1 base=$2 name=$3 path=$4 header=(-H "Accept-Encoding: gzip" ${8:+-H "$8"})
  say "$group/$name: warm-up $WARMUP (to $WARMUP_MAX while the JIT is busy), then $DURATION at $CONNECTIONS connections"
  say "$group/$name: warmed up for $(warm_up "${header[@]}" "$base$path")"
  record "$group" "$name" "$5" "$6" "$7" \
    "$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/lua/report.lua "${header[@]}" "$base$path" | tail -1)"
}

# The application scenarios, as the residents logged in here ($RESIDENTS_PER_CONNECTION to each wrk thread and
# connection, 20 drafts each in turn): drafts first, warmed up like the repeatable reads (the path is new to the JIT
# when it starts) and then measured for $DURATION + 5 s; every draft made, in the warm-up too, is kept for submit,
# which submits each once as its resident, a quarter of them and more to warm up; then the first resident's own list.
measure_applications() { # group base first-number
  local group=$1 base=$2 tokens="$WORK/tokens-$1.txt" drafts="$WORK/drafts-$1" file
  local per=$RESIDENTS_PER_CONNECTION
  say "$group: logging in $((CONNECTIONS * per)) residents (setup)"
  login_residents "$base" $((CONNECTIONS * per)) "$3" "$tokens"
  say "$group/create-draft: warm-up $WARMUP (to $WARMUP_MAX while the JIT is busy), then $((${DURATION%s} + 5))s at $CONNECTIONS connections"
  say "$group/create-draft: warmed up for $(WRK_THREADS=$CONNECTIONS warm_up -s bench/lua/drafts.lua "$base" -- "$tokens" "$drafts-warm" "$per")"
  record "$group" "create-draft" "ceiling" "0.10" "" \
    "$(wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$((${DURATION%s} + 5))s" -s bench/lua/drafts.lua "$base" -- "$tokens" "$drafts" "$per" | tail -1)"
  # drafts.lua writes <prefix>.<thread>; a thread has the same residents in every run, so its files go together.
  for file in "$drafts-warm".*; do cat "$file" >>"$drafts.${file##*.}"; done
  local fewest
  fewest=$(wc -l "$drafts".* | grep -v ' total$' | sort -n | head -1 | awk '{print $1}')
  say "$group/submit: at least $fewest drafts a connection; warm-up $WARMUP (to $WARMUP_MAX while the JIT is busy), then $DURATION at $CONNECTIONS connections"
  say "$group/submit: warmed up for $(warm_up_fresh submit_round)"
  record "$group" "submit" "shape" "1.00" "" "$(submit_round run 400 "${DURATION%s}")"
  measure_get "$group" "$base" "my-applications" "/api/v1/applications?limit=20" "ratio" "0.15" "" \
    "Authorization: Bearer $(head -1 "$tokens")"
}

# Submissions use each connection's drafts in turn (each submitted once, a line of its thread's file): the first
# quarter for warm_up_fresh's first round, 40 a round after it (5 s at some 5 a connection a second) while that leaves
# the last quarter, and the measured run takes what is left (measure_applications' locals).
submit_round() { # prepare|run round seconds
  local first last
  if [ "$2" = 0 ]; then first=1; last=$((fewest / 4))
  elif [ "$2" = 400 ]; then first=$((fewest / 4 + 40 * $(cat "$WORK/submit-rounds-$group") + 1)); last=1000000
  else first=$((fewest / 4 + 40 * ($2 - 1) + 1)); last=$((first + 39))
  fi
  if [ "$1" = prepare ]; then # no round that would reach into the last quarter
    [ "$2" = 0 ] || [ "$last" -le $((fewest * 3 / 4)) ] || return 1
    echo "$2" >"$WORK/submit-rounds-$group"
    return
  fi
  wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"$3s" -s bench/lua/submit.lua "$base" -- "$tokens" "$drafts" "$first" "$last" "$per" | tail -1
}

# Login: each SMS code logs in once, so every run of logins is preceded by asking for its codes (setup, not
# measured), for twice the run's time (a warm server logs in faster than it issues codes), warmed up by warm_up_fresh:
# with a fixed $WARMUP the C2 compiler still took 30% of the JVM's samples in the measured run (async-profiler,
# 2026-12-05). Round r's phones start at r × 100,000 per wrk thread (the measured run's at round 400), the
# scale-out group's 50,000,000 above the single instance's.
login_codes() { # round seconds → $WORK/codes-<group>.txt, "phone code" lines (measure_login's group and base)
  local offset=$(($1 * 100000))
  [ "$group" = single ] || offset=$((offset + 50000000))
  rm -f "$WORK/codes".*
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" -s bench/lua/otp-issue.lua "$base" -- "$WORK/codes" "$offset" >/dev/null
  cat "$WORK/codes".* >"$WORK/codes-$group.txt"
}
login_round() { # prepare|run round seconds
  if [ "$1" = prepare ]; then
    login_codes "$2" $((2 * $3))
    return
  fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" -s bench/lua/login.lua "$base" -- "$WORK/codes-$group.txt" 1 \
    "$(wc -l <"$WORK/codes-$group.txt")" "$THREADS" | tail -1
}
measure_login() { # group base
  local group=$1 base=$2
  say "$group/login: codes asked for before each run (setup); warm-up $WARMUP (to $WARMUP_MAX while the JIT is busy), then $DURATION at $CONNECTIONS connections"
  say "$group/login: warmed up for $(warm_up_fresh login_round)"
  login_round prepare 400 "${DURATION%s}"
  record "$group" "login" "ceiling" "0.12" "" "$(login_round run 400 "${DURATION%s}")"
}

# 亮证核验 (issue 12): the demo resident (local mode) makes $PRESENTATIONS fresh multi-use presentations of the
# longest life (5 minutes) just before, and the requests verify them in turn through the public operation, so the
# verifications in flight are of different presentations (as at a service hall, not fifty scans of one QR): the token
# read and recognised by its digest (the signatures are checked only before a refusal: README "亮证"), the presentation
# and the certificate's status, the counted use and the ledger line.
PRESENTATIONS=${PRESENTATIONS:-200}
measure_verify() { # group base
  local group=$1 base=$2 access certificate tokens="$WORK/presentation-$1.txt"
  access=$(curl -s "$base/api/v1/auth/password-login" -H 'Content-Type: application/json' \
    -d '{"phone":"13800138000","password":"Xiang-Yi-Ban-2026"}' | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  certificate=$(curl -s "$base/api/v1/wallet/certificates?type=RESIDENT_ID_CARD" -H "Authorization: Bearer $access" \
    | python3 -c 'import json, sys; items = json.load(sys.stdin).get("items") or [{}]; print(items[0].get("id", ""))' || true)
  [ -n "$certificate" ] || { echo "$group/verify: the demo resident has no identity card in the wallet" >&2; exit 1; }
  for _ in $(seq "$PRESENTATIONS"); do
    curl -s "$base/api/v1/wallet/presentations" -H "Authorization: Bearer $access" -H 'Content-Type: application/json' \
      -d "{\"certificateId\":\"$certificate\",\"fields\":[\"持证主体\",\"证照编号\"],\"singleUse\":false,\"lifetimeSeconds\":300}" \
      | grep -o '"token":"[^"]*"' | cut -d'"' -f4
  done >"$tokens"
  [ "$(grep -c . "$tokens")" = "$PRESENTATIONS" ] || {
    echo "$group/verify: the demo resident could not make $PRESENTATIONS presentations (local mode, demo wallet?)" >&2; exit 1; }
  say "$group/verify: warm-up $WARMUP (to $WARMUP_MAX while the JIT is busy), then $DURATION at $CONNECTIONS connections"
  say "$group/verify: warmed up for $(warm_up -s bench/lua/verify.lua "$base" -- "$tokens")"
  record "$group" "verify" "" "" "50" \
    "$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/lua/verify.lua "$base" -- "$tokens" | tail -1)"
}

# 政务直播 (issue 13): distinct anonymous viewers heart-beating one LIVE stream. A demo staff member (agent on instance
# A, admin behind the balancer: each TOTP code works once per account) schedules a stream and starts it through the
# API; every heartbeat then reads the stream's state from the cache and runs one Redis script, no PostgreSQL.
totp() { # base32 secret → the current RFC 6238 code
  python3 -c 'import base64, hmac, struct, sys, time
k = base64.b32decode(sys.argv[1]); h = hmac.new(k, struct.pack(">Q", int(time.time()) // 30), "sha1").digest()
o = h[-1] & 15; print("%06d" % ((struct.unpack(">I", h[o:o + 4])[0] & 0x7fffffff) % 1000000))' "$1"
}
measure_heartbeat() { # group base staff-username totp-secret
  local group=$1 base=$2 staff stream version starts ends
  staff=$(curl -s "$base/api/v1/staff/auth/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$3\",\"password\":\"Banhao-Demo-2026\",\"totp\":\"$(totp "$4")\"}" \
    | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  starts=$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)
  ends=$(date -u -d '+2 hour' +%Y-%m-%dT%H:%M:%SZ)
  read -r stream version < <(curl -s "$base/api/v1/staff/live/streams" -H "Authorization: Bearer $staff" \
    -H 'Content-Type: application/json' -d "{\"title\":\"压测直播 $group\",\"topicItemCodes\":[],\"startsAt\":\"$starts\",\
\"endsAt\":\"$ends\",\"playUrl\":\"https://live.example.cn/bench/index.m3u8\"}" \
    | python3 -c 'import json, sys; s = json.load(sys.stdin); print(s.get("id", ""), s.get("version", ""))')
  curl -s -o /dev/null -X POST "$base/api/v1/staff/live/streams/$stream/start" -H "Authorization: Bearer $staff" \
    -H "If-Match: \"$version\""
  curl -s "$base/api/v1/live/streams/$stream" | grep -q '"state":"LIVE"' \
    || { echo "$group/heartbeat: the demo $3 could not schedule and start a stream" >&2; exit 1; }
  say "$group/heartbeat: warm-up $WARMUP (to $WARMUP_MAX while the JIT is busy), then $DURATION at $CONNECTIONS connections"
  say "$group/heartbeat: warmed up for $(warm_up -s bench/lua/heartbeat.lua "$base" -- "$stream")"
  record "$group" "heartbeat" "ratio" "0.60" "20" \
    "$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/lua/heartbeat.lua "$base" -- "$stream" | tail -1)"
}

# Carrier tracking callbacks (邮政寄递, issue 14): PARCELS parcels on their way (ORDERED, waybills BT + 11 digits) are
# written straight into postal_delivery as setup (making each through the API would take an application and a
# reviewer apiece), then every request is a signed callback that another parcel was picked up (bench/lua/tracking.lua),
# signed just before with local mode's published secret (bench/sign_tracking.py), a third of them to warm up.
PARCELS=${PARCELS:-90000}
measure_tracking_push() { # group base
  local group=$1 base=$2 signed="$WORK/tracking-$1.txt" warm=$((PARCELS / 3))
  psql -q "$PG_URL" -c "INSERT INTO postal_delivery (id, application_id, application_no, resident_id, item_code,
      recipient_enc, phone_enc, region_code, detail_enc, state, carrier, waybill_no, created_at, updated_at, department_code, kind)
    SELECT md5('bench-parcel-' || n)::uuid, md5('bench-case-' || n)::uuid, '430000' || to_char(now(), 'YYYYMMDD') || lpad(n::text, 8, '0'),
      md5('bench-resident')::uuid, 'BENCH', '\x00', '\x00', '430102', '\x00', 'ORDERED', 'LOCAL', 'BT' || lpad(n::text, 11, '0'),
      now(), now(), 'BENCH', 'STAFF_ORDER' FROM generate_series(1, $PARCELS) n" \
    || { echo "$group/tracking-push: could not write the parcels" >&2; exit 1; }
  python3 bench/sign_tracking.py 1 "$PARCELS" >"$signed"
  say "$group/tracking-push: $PARCELS parcels; warm-up $WARMUP, then $DURATION at $CONNECTIONS connections"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/lua/tracking.lua "$base" -- "$signed" 1 "$warm" "$THREADS" >/dev/null
  record "$group" "tracking-push" "" "" "" \
    "$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/lua/tracking.lua "$base" -- "$signed" $((warm + 1)) "$PARCELS" "$THREADS" | tail -1)"
}

# Video appointments (issue 13): an administrator (token minted with the instance's own key) publishes a window of
# HN-WJW's hygiene-licence item, 08:00–20:00 in 5-minute slots of the largest capacity, bookable 30 days ahead.
# `slots` reads the free slots of the first day with slots two or more days ahead (cached in Redis per department,
# recomputed after a booking); `book` is distinct L2 residents (minted tokens, each used once) booking the slots of
# every bookable day from that one on, never refused. Until 2026-12-06 they booked that one day's 144 slots: the
# warm-up and run put some 60,000 bookings there, ~450 a slot, and each booking counted a slot's places twice
# (ExecAgg 26% of PostgreSQL's CPU while booking), where a slot's capacity is the agents serving it, a handful.
measure_appointments() { # group base
  local group=$1 base=$2 admin day="" availability offset starts="$WORK/slot-starts-$1.txt" tokens="$WORK/book-tokens-$1.txt"
  local more item=HN-WJW-GGCSWSXK
  admin=$(python3 bench/mint_tokens.py "$WORK/a-keys" admin)
  availability=$(curl -s "$base/api/v1/admin/video/availabilities" -H "Authorization: Bearer $admin" \
    -H 'Content-Type: application/json' -d "{\"departmentCode\":\"HN-WJW\",\"itemCode\":\"$item\",
    \"weekdays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"],
    \"windowStart\":\"08:00\",\"windowEnd\":\"20:00\",\"slotMinutes\":5,\"capacity\":1000,\"opensDaysAhead\":30,
    \"closesHoursBefore\":1,\"validFrom\":\"$(TZ=Asia/Shanghai date +%F)\"}" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin).get("id", ""))' || true)
  [ -n "$availability" ] || { echo "$group/book: could not publish an availability" >&2; exit 1; }
  for offset in 2 3 4 5 6 7 8 9 10; do
    day=$(TZ=Asia/Shanghai date -d "+$offset days" +%F)
    slot_starts "$day" >"$starts"
    [ -s "$starts" ] && break
  done
  [ -s "$starts" ] || { echo "$group/book: no bookable day in the next 10 days" >&2; exit 1; }
  for more in $(seq $((offset + 1)) 29); do
    slot_starts "$(TZ=Asia/Shanghai date -d "+$more days" +%F)" >>"$starts"
  done
  measure_get "$group" "$base" "slots" "/api/v1/video/departments/HN-WJW/slots?date=$day&itemCode=$item" "ratio" "0.70" "20"
  say "$group/book: fresh residents for each run (setup); warm-up $WARMUP (to $WARMUP_MAX while the JIT is busy), then $DURATION at $CONNECTIONS connections"
  say "$group/book: warmed up for $(warm_up_fresh book_round)"
  book_round prepare 400 "${DURATION%s}"
  record "$group" "book" "" "" "100" "$(book_round run 400 "${DURATION%s}")"
}
# The start of every free slot of a day, a line each (measure_appointments' locals). A day off of the calendar has
# none: grep finds nothing, which must not end the run (pipefail).
slot_starts() { # day
  { curl -s "$base/api/v1/video/departments/HN-WJW/slots?date=$1&itemCode=$item" | grep -o '"start":"[^"]*"' \
    | cut -d'"' -f4 || true; }
}

# A round of bookings: 1,000 fresh residents a second of it (several times what a warm server books), each booking once.
book_round() { # prepare|run round seconds (measure_appointments' locals)
  if [ "$1" = prepare ]; then
    python3 bench/mint_tokens.py "$WORK/a-keys" resident $((1000 * $3)) >"$tokens"
    return
  fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3s" -s bench/lua/book.lua "$base" -- "$tokens" "$availability" "$item" \
    "$starts" "$THREADS" | tail -1
}

# The scenarios every configuration runs: name | path | target kind (ratio: of the baseline's req/s) | target | p99 ms.
READS=$(cat <<'LIST'
ping|/api/v1/system/ping|||
home|/api/v1/home|ratio|0.70|20
item-detail|/api/v1/catalog/items/HN-WJW-GGCSWSXK|ratio|0.70|20
ratings-stats|/api/v1/rating-stats/departments|ratio|0.70|20
search|/api/v1/catalog/items?q=%E5%8D%AB%E7%94%9F%E8%AE%B8%E5%8F%AF|||
LIST
)

run_reads() { # group base
  while IFS='|' read -r name path kind target p99; do
    [ -n "$name" ] || continue
    [ "$name" = ping ] || wants reads || continue
    measure_get "$1" "$2" "$name" "$path" "$kind" "$target" "$p99"
  done <<<"$READS"
}
wants() { [ "$SCENARIOS" = all ] || [[ ",$SCENARIOS," == *",$1,"* ]]; }

# Instance B against A's PostgreSQL and Redis, nginx in front of both; sets APP_B, FIRST_REQUEST_B_MS and INSTANCES.
start_scale_out() {
  say "starting instance B on port $PORT_B against A's PostgreSQL and Redis, and nginx on $LB_PORT"
  KEYS="$WORK/a-keys"
  STARTED_B=$(now_ms)   # B's start is a start with PostgreSQL and Redis already running and migrated
  env "${COMMON_ENV[@]}" QUARKUS_HTTP_PORT="$PORT_B" QUARKUS_MANAGEMENT_PORT="$MGMT_PORT_B" BANHAO_DATA_DIR="$WORK/b" BANHAO_DEMO_ENABLED=false \
    QUARKUS_DATASOURCE_REACTIVE_URL="${EXTERNAL_PG:-postgresql://127.0.0.1:$PG_PORT/banhao}" \
    QUARKUS_DATASOURCE_USERNAME="${QUARKUS_DATASOURCE_USERNAME:-postgres}" \
    QUARKUS_DATASOURCE_PASSWORD="${QUARKUS_DATASOURCE_PASSWORD:-$([ -n "$EXTERNAL_PG" ] || cat "$WORK/a/postgres.password")}" \
    QUARKUS_REDIS_HOSTS="${QUARKUS_REDIS_HOSTS:-redis://:$(cat "$WORK/a/redis.password")@127.0.0.1:$REDIS_PORT}" \
    SMALLRYE_JWT_SIGN_KEY_LOCATION="${SMALLRYE_JWT_SIGN_KEY_LOCATION:-file:$KEYS/signing.jwk}" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-file:$KEYS/jwks.json}" \
    BANHAO_CRYPTO_DATA_KEY="${BANHAO_CRYPTO_DATA_KEY:-$(cat "$KEYS/data.key")}" \
    BANHAO_CRYPTO_INDEX_KEY="${BANHAO_CRYPTO_INDEX_KEY:-$(cat "$KEYS/index.key")}" \
    java ${JAVA_OPTS:-} -jar "$JAR" >"$WORK/b.log" 2>&1 &
  APP_B=$!
  PIDS+=("$APP_B")
  wait_for "http://127.0.0.1:$PORT_B/api/v1/system/ping" 180 "$WORK/b.log" "$APP_B"
  FIRST_REQUEST_B_MS=$(($(now_ms) - STARTED_B))
  wait_for "http://127.0.0.1:$MGMT_PORT_B/q/health/ready" 180 "$WORK/b.log" "$APP_B"

  mkdir -p "$WORK/nginx/logs"
  cat >"$WORK/nginx/nginx.conf" <<CONF
user root;
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream banhao { server 127.0.0.1:$PORT; server 127.0.0.1:$PORT_B; keepalive 64; }
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://banhao;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
CONF
  nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
  PIDS+=("$!")
  wait_for "http://127.0.0.1:$LB_PORT/api/v1/system/ping" 30 "$WORK/nginx/logs/error.log" "$!"
  # Both instances answer behind the balancer: their instance ids, seen through it.
  INSTANCES=$(for _ in 1 2 3 4; do curl -s "http://127.0.0.1:$LB_PORT/api/v1/system/info"; echo; done \
    | python3 -c 'import sys, json; print(len({json.loads(l)["instanceId"] for l in sys.stdin if l.strip()}))')
}

# The scale-out group: the single instance's scenarios through the balancer, but booking and tracking pushes.
run_scale_out() {
  local lb="http://127.0.0.1:$LB_PORT"
  run_reads scale-out "$lb"
  ! wants verify || measure_verify scale-out "$lb"
  ! wants login || measure_login scale-out "$lb"
  ! wants applications || measure_applications scale-out "$lb" 5000000
  ! wants heartbeat || measure_heartbeat scale-out "$lb" admin GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ
}

INSTANCES=""
if [ "$SCALE_OUT" != only ]; then
  run_reads single "http://127.0.0.1:$PORT"
  ! wants verify || measure_verify single "http://127.0.0.1:$PORT"
  ! wants appointments || measure_appointments single "http://127.0.0.1:$PORT"
  ! wants login || measure_login single "http://127.0.0.1:$PORT"
  ! wants applications || measure_applications single "http://127.0.0.1:$PORT" 0
  ! wants heartbeat || measure_heartbeat single "http://127.0.0.1:$PORT" agent KRSXG5CTMVRXEZLUKN2XAZLSONSWG4TF
  ! wants tracking-push || measure_tracking_push single "http://127.0.0.1:$PORT"
fi
if [ "$SCENARIOS" != all ]; then
  if [ "$SCALE_OUT" = only ]; then
    start_scale_out
    run_scale_out
  fi
  mkdir -p bench/results
  python3 bench/summarise.py "$RAW" bench/results/latest.json <<JSON
{"connections": $CONNECTIONS, "threads": $THREADS, "duration": "$DURATION", "warmup": "$WARMUP", "warmupMax": "$WARMUP_MAX",
 "selection": "$SCENARIOS$([ "$SCALE_OUT" != only ] || echo " behind the balancer")", "firstRequestMs": $FIRST_REQUEST_MS, "javaOpts": "${JAVA_OPTS:-}"}
JSON
  exit $?
fi
# A resident's own live progress event: from sending the submit to the SUBMITTED event on their stream (issue 11).
say "live progress: 30 submissions, each timed to its event on the resident's stream"
LIVE=$(python3 bench/live_latency.py "http://127.0.0.1:$PORT" 30)
RSS_KB=$(ps -o rss= -p "$APP_A" | tr -d ' ')

# The database's ceiling for one-row inserts: same server, same durability settings, same client count.
say "pgbench: one-row inserts, $DURATION at $CONNECTIONS clients"
psql -q "$PG_URL" -c "CREATE SCHEMA IF NOT EXISTS bench; CREATE TABLE IF NOT EXISTS bench.insert_ceiling (id bigserial PRIMARY KEY, payload text NOT NULL, at timestamptz NOT NULL DEFAULT now())" >/dev/null
echo "INSERT INTO bench.insert_ceiling (payload) VALUES ('bench');" >"$WORK/insert.sql"
DURABILITY=$(psql -At "$PG_URL" -c "SELECT current_setting('fsync') || '/' || current_setting('synchronous_commit')")
PGBENCH=$(pgbench -n -c "$CONNECTIONS" -j "$THREADS" -T "${DURATION%s}" -f "$WORK/insert.sql" "$PG_URL" 2>&1) \
  || { echo "pgbench failed: $PGBENCH" >&2; exit 1; }
PG_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$PGBENCH" | head -1)
PG_LATENCY=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$PGBENCH" | head -1)
[ -n "$PG_TPS" ] || { echo "pgbench failed: $PGBENCH" >&2; exit 1; }

# The same, for a transaction of a submission's statements (bench/sql/submit-shape.sql): what the database
# alone can do with that mix, to read next to the target. Prepared statements, as the application sends them.
say "pgbench: a submission's statements, $DURATION at $CONNECTIONS clients"
psql -q "$PG_URL" >/dev/null <<'SQL'
CREATE TABLE IF NOT EXISTS bench.shape_row (id int PRIMARY KEY, payload text NOT NULL);
INSERT INTO bench.shape_row SELECT n, 'draft' FROM generate_series(1, 100000) n ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS bench.shape_log (id bigserial PRIMARY KEY, ref int NOT NULL, payload text NOT NULL);
CREATE INDEX IF NOT EXISTS shape_log_ref ON bench.shape_log (ref);
CREATE TABLE IF NOT EXISTS bench.shape_key (scope text, idem_key text, request_hash text NOT NULL, response text,
  PRIMARY KEY (scope, idem_key));
SQL
SHAPE=$(pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "${DURATION%s}" -f bench/sql/submit-shape.sql "$PG_URL" 2>&1) \
  || { echo "pgbench failed: $SHAPE" >&2; exit 1; }
SHAPE_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$SHAPE" | head -1)
[ -n "$SHAPE_TPS" ] || { echo "pgbench failed: $SHAPE" >&2; exit 1; }
SHAPE_STATEMENTS=$(grep -cE '^(INSERT|SELECT|UPDATE)' bench/sql/submit-shape.sql)

if [ "$SCALE_OUT" != 0 ]; then
  start_scale_out
  run_scale_out
fi

# A restart of instance A on its existing data directory (its embedded PostgreSQL and Redis start again, nothing
# to migrate): the start a developer or a single-node install sees every day.
kill "$APP_A" ${APP_B:+"$APP_B"} 2>/dev/null || true
wait "$APP_A" 2>/dev/null || true
[ -z "${APP_B:-}" ] || wait "$APP_B" 2>/dev/null || true
say "restarting instance A on its existing data directory"
start_a "$WORK/a2.log"
RESTART_MS=$STARTED_MS

mkdir -p bench/results
python3 bench/summarise.py "$RAW" bench/results/latest.json <<JSON
{"connections": $CONNECTIONS, "threads": $THREADS, "duration": "$DURATION", "warmup": "$WARMUP", "warmupMax": "$WARMUP_MAX",
 "firstRequestMs": $FIRST_REQUEST_MS, "firstRequestExistingDataMs": $RESTART_MS,
 "firstRequestServersRunningMs": ${FIRST_REQUEST_B_MS:-null}, "rssKbAfterLoad": $RSS_KB, "javaOpts": "${JAVA_OPTS:-}",
 "pgbench": {"tps": $PG_TPS, "latencyMs": ${PG_LATENCY:-0}, "durability": "$DURABILITY",
   "submitShapeTps": $SHAPE_TPS, "submitShapeStatements": $SHAPE_STATEMENTS},
 "liveEvent": $LIVE,
 "scaleOut": {"enabled": $([ "$SCALE_OUT" != 0 ] && echo true || echo false), "instancesSeen": ${INSTANCES:-0}}}
JSON
