#!/usr/bin/env bash
# CTest entry production_topology: the production topology of deploy/ on loopback, as a non-root
# user: a throwaway PostgreSQL, two stadsmijn-server instances, nginx with the configuration
# deploy/nginx/render.sh writes. The checks are in topology.mjs (see README.md).
#   tests/production/run.sh SERVER_BINARY WEB_DIST SOURCE_DIR
# As root (CI), everything runs as the system user stadsmijn-test (created when missing; nobody
# when it cannot be created), from copies in a temporary folder that user owns, since the
# checkout may sit where that user cannot read (/root). Exit 77 (skipped) only when this machine
# cannot run the topology at all: no nginx, node or PostgreSQL.
set -euo pipefail
server=${1:?server binary}
dist=${2:?web build}
source_dir=$(cd "${3:?source folder}" && pwd)
here=$source_dir/tests/production

skip() {
  echo "production_topology: skipped: $1"
  exit 77
}
command -v nginx >/dev/null || skip "no nginx (Debian package nginx; tools/setup/install-deps.sh installs it)"
command -v node >/dev/null || skip "no node"
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || skip "no PostgreSQL server binaries (Debian package postgresql)"
[[ -x $server ]] || { echo "production_topology: no server binary at $server" >&2; exit 1; }
[[ -f $dist/index.html ]] || { echo "production_topology: no web build at $dist: run make web first" >&2; exit 1; }

work=$(mktemp -d /tmp/stadsmijn-topology.XXXXXX)
user=$(id -un)
if [[ $(id -u) -eq 0 ]]; then
  user=stadsmijn-test
  if ! id "$user" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$user" 2>/dev/null || user=nobody
  fi
fi
as_user() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

cleanup() {
  # Whatever topology.mjs started and could not stop itself (it was killed): by pid, one by one.
  if [[ -f $work/pids ]]; then
    while read -r pid; do kill -KILL "$pid" 2>/dev/null || true; done < "$work/pids"
  fi
  as_user "$work/bundle/start-postgres.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/bundle/deploy" "$work/bundle/web"
cp "$server" "$work/bundle/stadsmijn-server"
cp -r "$dist/." "$work/bundle/web/"
cp -r "$source_dir/content" "$work/bundle/content"
cp -r "$source_dir/deploy/nginx" "$work/bundle/deploy/nginx"
cp "$source_dir/tools/setup/start-postgres.sh" "$here"/*.mjs "$work/bundle/"
# The benchmarks (tools/bench/production/run.sh) run their own script on the same topology.
script=$work/bundle/topology.mjs
if [[ -n ${TOPOLOGY_SCRIPT:-} ]]; then
  cp -r "$(dirname "$TOPOLOGY_SCRIPT")" "$work/bundle/extra"
  cp "$source_dir"/tools/bench/votes/*.lua "$work/bundle/extra/"
  script=$work/bundle/extra/$(basename "$TOPOLOGY_SCRIPT")
fi
[[ $(id -u) -eq 0 ]] && chown -R "$user" "$work"
chmod 755 "$work"

echo "production_topology: as user $user in $work"
# In the background, so that a TERM (CTest's timeout, Ctrl-C) reaches the trap at once.
as_user node "$script" "$work" &
node_pid=$!
trap 'kill -TERM "$node_pid" 2>/dev/null; exit 143' TERM INT
set +e
wait "$node_pid"
status=$?
set -e
exit $status
