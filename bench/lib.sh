# Shell functions bench/run.sh and bench/compare.sh share (sourced, not run).

# Residents for the application scenarios, logged in through the API (SMS code, then login): one access
# token a line.
login_residents() { # base count first-number file
  local phone code
  for i in $(seq 1 "$2"); do
    phone=$(printf '1590%07d' $(($3 + i)))
    code=$(curl -s "$1/api/v1/auth/otp" -H 'Content-Type: application/json' -d "{\"phone\":\"$phone\"}" \
      | sed -n 's/.*"devCode":"\([0-9]*\)".*/\1/p')
    curl -s "$1/api/v1/auth/login" -H 'Content-Type: application/json' -d "{\"phone\":\"$phone\",\"code\":\"$code\"}" \
      | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'
    echo   # curl's answer has no final newline, so neither has sed's line
  done >"$4"
  [ "$(grep -c . "$4")" = "$2" ] || { echo "could not log in $2 residents for the application scenarios; the last answers:" >&2
    code=$(curl -s "$1/api/v1/auth/otp" -H 'Content-Type: application/json' -d '{"phone":"15999999999"}' | tee /dev/stderr \
      | sed -n 's/.*"devCode":"\([0-9]*\)".*/\1/p')
    curl -s "$1/api/v1/auth/login" -H 'Content-Type: application/json' -d "{\"phone\":\"15999999999\",\"code\":\"$code\"}" >&2
    exit 1; }
}

# Milliseconds the JIT of the JVM $1 has spent compiling (HotSpot's sun.ci counters; 0 without jcmd).
jit_ms_of() {
  command -v jcmd >/dev/null || { echo 0; return; }
  jcmd "$1" PerfCounter.print 2>/dev/null \
    | awk -F= '/^sun[.]ci[.](standard|osr)Time=/ { ns += $2 } END { printf "%d", ns / 1000000 }'
}
