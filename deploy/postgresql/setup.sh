#!/usr/bin/env bash
# Creates the role and the database of Stadsmijn in this machine's PostgreSQL (Debian bookworm:
# the postgresql package, cluster 15/main), as root, once; running it again changes nothing.
#   deploy/postgresql/setup.sh [ROLE] [DATABASE]      (both default to stadsmijn)
# The role has no password and no rights beyond its own database: the instances connect over the
# Unix socket with peer authentication (Debian's pg_hba.conf: "local all all peer"), as the
# system user of the same name that stadsmijn@.service runs as. The server creates its tables.
set -euo pipefail
role=${1:-stadsmijn}
database=${2:-stadsmijn}
[[ $role =~ ^[a-z_][a-z0-9_]*$ && $database =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "setup.sh: plain lower-case names only" >&2; exit 2; }
as_postgres() { runuser -u postgres -- "$@"; }
exists() { [[ -n $(as_postgres psql -v ON_ERROR_STOP=1 -Atqc "$1") ]]; }

exists "SELECT 1 FROM pg_roles WHERE rolname = '$role'" ||
  as_postgres createuser --no-superuser --no-createdb --no-createrole "$role"
exists "SELECT 1 FROM pg_database WHERE datname = '$database'" ||
  as_postgres createdb --owner "$role" --encoding UTF8 --locale C.UTF-8 --template template0 "$database"
# Nobody else may connect to it or create objects in its public schema.
as_postgres psql -v ON_ERROR_STOP=1 -qc "REVOKE ALL ON DATABASE \"$database\" FROM PUBLIC" "$database"
as_postgres psql -v ON_ERROR_STOP=1 -qc "REVOKE CREATE ON SCHEMA public FROM PUBLIC" "$database"
# A vote is answered only after its commit reached the disk: keep these at PostgreSQL's defaults.
for setting in fsync synchronous_commit full_page_writes; do
  value=$(as_postgres psql -Atqc "SHOW $setting")
  [[ $value == on ]] || echo "setup.sh: warning: $setting is $value; Stadsmijn's durability promise needs on" >&2
done
echo "setup.sh: database $database owned by role $role; connect with: host=/var/run/postgresql dbname=$database user=$role"
