#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the poll server tests (CTest fixture, see tests/polls_server).
#
#   tools/setup/start-postgres.sh start STATE_DIR   # initdb + pg_ctl start + createdb
#   tools/setup/start-postgres.sh stop STATE_DIR    # pg_ctl stop, cluster removed
#
# The cluster lives in a fresh folder under /tmp (the `postgres` user must be able to reach it,
# and a repository under /root is not reachable for it), listens on a Unix socket in that folder
# only (no TCP port to collide with), trusts local connections and is deleted by `stop`.
# `start` writes STATE_DIR/connection (a libpq connection string) for the tests. When this machine
# truly cannot run PostgreSQL (no server binaries and no way to install them, or no unprivileged
# user to run it as), it writes STATE_DIR/connection.skip with the reason and exits 0, and the
# tests report themselves skipped.
set -euo pipefail

action=${1:-}
state=${2:-}
if [[ -z $action || -z $state ]]; then
  echo "usage: $0 start|stop STATE_DIR" >&2
  exit 2
fi
mkdir -p "$state"
state=$(cd "$state" && pwd)
port=54329

skip() {
  echo "$1" > "$state/connection.skip"
  echo "start-postgres: skipped: $1"
  exit 0
}

# As the postgres user when we are root (initdb refuses to run as root), else as ourselves.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop_cluster() {
  if [[ -f $state/cluster ]]; then
    local dir
    dir=$(cat "$state/cluster")
    if [[ -d $dir/data && -x $(cat "$state/bindir" 2>/dev/null)/pg_ctl ]]; then
      as_owner "$(cat "$state/bindir")/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    case $dir in /tmp/stadsmijn-postgres.*) rm -rf "$dir" ;; esac
  fi
  rm -f "$state/cluster" "$state/bindir" "$state/connection" "$state/connection.skip"
}

case $action in
  stop)
    stop_cluster
    echo "start-postgres: stopped"
    exit 0
    ;;
  start) ;;
  *)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac

stop_cluster  # a cluster left over from an interrupted run

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z $bindir || ! -x $bindir/initdb ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "start-postgres: installing the postgresql package"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null ||
      skip "the postgresql package could not be installed"
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  [[ -n $bindir && -x $bindir/initdb ]] || skip "no PostgreSQL server binaries (Debian package postgresql)"
fi
if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
  skip "running as root and there is no postgres user to run the server as"
fi

cluster=$(mktemp -d /tmp/stadsmijn-postgres.XXXXXX)
echo "$cluster" > "$state/cluster"
echo "$bindir" > "$state/bindir"
mkdir -p "$cluster/data" "$cluster/socket"
[[ $(id -u) -eq 0 ]] && chown -R postgres:postgres "$cluster"
chmod 700 "$cluster"
[[ $(id -u) -eq 0 ]] && chown postgres:postgres "$cluster"

owner=$(id -un)
[[ $(id -u) -eq 0 ]] && owner=postgres
if ! as_owner "$bindir/initdb" -D "$cluster/data" -U "$owner" --auth=trust -E UTF8 --locale=C >"$cluster/initdb.log" 2>&1; then
  cat "$cluster/initdb.log" >&2
  echo "start-postgres: initdb failed" >&2
  exit 1
fi
# The socket directory must be reachable by the tests (root or the same user): 755 on the way.
chmod 755 "$cluster"
if ! as_owner "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
  -o "-k $cluster/socket -c listen_addresses= -p $port -c max_connections=50" start >/dev/null; then
  cat "$cluster/server.log" >&2 || true
  echo "start-postgres: the server did not start" >&2
  exit 1
fi
as_owner "$bindir/createdb" -h "$cluster/socket" -p "$port" -U "$owner" stadsmijn_test
echo "host=$cluster/socket port=$port dbname=stadsmijn_test user=$owner" > "$state/connection"
echo "start-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $cluster/socket, connection in $state/connection"
