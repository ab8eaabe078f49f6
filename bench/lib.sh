# Shell functions bench/run.sh and bench/compare.sh share (sourced, not run).

# A progress line on stderr, with the time of day: an instance's log line can then be put beside its phase.
say() {
  echo "$(date +%T) … $*" >&2
}

# Residents for the application scenarios, logged in through the API (SMS code, then login), 16 at a time:
# one access token a line, resident i of the file being phone 1590<first-number + i>.
login_residents() { # base count first-number file
  python3 bench/login_residents.py "$1" "$2" "$3" >"$4" \
    || { echo "could not log in $2 residents for the application scenarios (above: the answer that failed)" >&2; exit 1; }
  [ "$(grep -c . "$4")" = "$2" ] || { echo "logged in $(grep -c . "$4") of $2 residents" >&2; exit 1; }
}

# Milliseconds the JIT of the JVM $1 has spent compiling (HotSpot's sun.ci counters; 0 without jcmd).
jit_ms_of() {
  command -v jcmd >/dev/null || { echo 0; return; }
  jcmd "$1" PerfCounter.print 2>/dev/null \
    | awk -F= '/^sun[.]ci[.](standard|osr)Time=/ { ns += $2 } END { printf "%d", ns / 1000000 }'
}
