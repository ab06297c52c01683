#!/usr/bin/env bash
# Figures of the production topology (server/README.md, "Production"): /healthz under 500 slow
# clients behind nginx, durable votes/s through nginx next to /healthz through nginx.
#   tools/bench/production/run.sh [BUILD_DIR] [WEB_DIST]
# Sets up like the topology test (tests/production/run.sh: non-root user, throwaway PostgreSQL,
# two instances, nginx on free loopback ports); about 2.5 minutes. SLOW_SECONDS and VOTE_SECONDS
# change the durations.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
build=${1:-$root/build/native}
dist=${2:-$root/build/web/dist}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
TOPOLOGY_SCRIPT=$root/tools/bench/production/bench.mjs exec "$root/tests/production/run.sh" "$build/stadsmijn-server" "$dist" "$root"
