#!/usr/bin/env bash
# Durable votes per second and p99 latency at 64 concurrent connections (wrk, loopback), next to
# the same server's /healthz rate and its cached results rate in the same run; against SQLite,
# then PostgreSQL.
#   tools/bench/votes/run.sh [BUILD_DIR] [SECONDS]      (BUILD_DIR default build/native)
# Each database starts empty. wrk and the server share the machine's cores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=$(cd "${1:-$root/build/native}" && pwd)
seconds=${2:-20}
server_bin=$build/stadsmijn-server
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[[ -x $server_bin ]] || { echo "no $server_bin: build first" >&2; exit 1; }

work=$(mktemp -d /tmp/stadsmijn-bench-votes.XXXXXX)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  "$root/tools/setup/start-postgres.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/web" && echo '<!doctype html>' > "$work/web/index.html"
# A free port, asked of the OS (other servers may be running on this machine).
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# The server's CPU time (user + system, in clock ticks) so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
# Runs wrk with the given arguments; prints its RESULT line plus the server's CPU microseconds per request.
measured() {
  local before after result requests
  before=$(cpu_ticks)
  result=$(wrk "$@" | grep '^RESULT')
  after=$(cpu_ticks)
  requests=$(sed 's/.*requests=\([0-9]*\).*/\1/' <<<"$result")
  echo "$result server_cpu_us_per_request=$(( (after - before) * 1000000 / $(getconf CLK_TCK) / (requests > 0 ? requests : 1) ))"
}

run_one() {  # label database
  local label=$1 database=$2
  "$server_bin" --web "$work/web" --port $port --db "$database" --content "$root/content" \
    --threads 128 --requests-per-second 0 --no-abuse-limits > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  # Warm-up: the first participants, prepared statements, page cache.
  wrk -t2 -c64 -d2s -s "$here/votes.lua" "http://127.0.0.1:$port" >/dev/null
  local votes health results results_gzip
  votes=$(measured -t2 -c64 -d"${seconds}s" --latency -s "$here/votes.lua" "http://127.0.0.1:$port")
  health=$(measured -t2 -c64 -d10s --latency -s "$here/healthz.lua" "http://127.0.0.1:$port/healthz")
  local results_path=/api/polls/grondstoffen-repareren-inleveren/results
  results=$(wrk -t2 -c64 -d10s --latency -s "$here/healthz.lua" "http://127.0.0.1:$port$results_path" | grep '^RESULT')
  results_gzip=$(wrk -t2 -c64 -d10s --latency -H 'Accept-Encoding: gzip' -s "$here/healthz.lua" \
    "http://127.0.0.1:$port$results_path" | grep '^RESULT')
  local stored
  stored=$(curl -s "http://127.0.0.1:$port$results_path" | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); c=d["counts"]
print("participants=%d latest_votes=%d groups=%d compute_ms=%s json_bytes=%d" % (c["participants"], c["votes"], len(d["groups"]), d.get("compute_ms"), len(json.dumps(d))))')
  kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
  echo "$label votes   ${votes#RESULT }"
  echo "$label healthz ${health#RESULT }"
  echo "$label results ${results#RESULT }"
  echo "$label results-gzip ${results_gzip#RESULT }"
  echo "$label computed $stored"
  echo "$label $(grep 'stopped' "$work/server.log" || true)"
  echo "$label load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "machine: $(nproc) cores, $(uname -r); load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c64, ${seconds}s of votes, 10s of /healthz"
# What one durable commit costs on this disk: a vote is answered only after one.
/usr/bin/python3 - "$work" <<'PY'
import os, sys, time
path = os.path.join(sys.argv[1], "fsync-probe")
fd = os.open(path, os.O_RDWR | os.O_CREAT)
os.write(fd, b"\0" * (1 << 20)); os.fsync(fd)
times = []
for i in range(100):
    os.pwrite(fd, b"x" * 4096, (i % 256) * 4096)
    start = time.perf_counter(); os.fdatasync(fd); times.append((time.perf_counter() - start) * 1000)
os.close(fd); os.unlink(path); times.sort()
print("disk: fdatasync of 4 KB overwritten, 100 times: p50 %.2f ms, p90 %.2f ms" % (times[50], times[90]))
PY
run_one sqlite "$work/votes.sqlite3"
if "$root/tools/setup/start-postgres.sh" start "$work/pg" >/dev/null && [[ -f $work/pg/connection ]]; then
  run_one postgresql "$(cat "$work/pg/connection")"
else
  echo "postgresql: skipped (no cluster could be started)"
fi
