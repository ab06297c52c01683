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
port=18090

run_one() {  # label database
  local label=$1 database=$2
  "$server_bin" --web "$work/web" --port $port --db "$database" --content "$root/content" \
    --threads 128 --requests-per-second 0 --no-abuse-limits > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  # Warm-up: the first participants, prepared statements, page cache.
  wrk -t2 -c64 -d2s -s "$here/votes.lua" "http://127.0.0.1:$port" >/dev/null
  local votes health results results_gzip
  votes=$(wrk -t2 -c64 -d"${seconds}s" --latency -s "$here/votes.lua" "http://127.0.0.1:$port" | grep '^RESULT')
  health=$(wrk -t2 -c64 -d10s --latency -s "$here/healthz.lua" "http://127.0.0.1:$port/healthz" | grep '^RESULT')
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
}

echo "machine: $(nproc) cores, $(uname -r); wrk -t2 -c64, ${seconds}s of votes, 10s of /healthz"
run_one sqlite "$work/votes.sqlite3"
if "$root/tools/setup/start-postgres.sh" start "$work/pg" >/dev/null && [[ -f $work/pg/connection ]]; then
  run_one postgresql "$(cat "$work/pg/connection")"
else
  echo "postgresql: skipped (no cluster could be started)"
fi
