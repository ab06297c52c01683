#!/usr/bin/env bash
# Writes the nginx configuration for Stadsmijn from deploy/nginx/stadsmijn.conf.in to stdout.
#
# Production (TLS; certificate paths are yours, e.g. from certbot or the municipality's PKI):
#   deploy/nginx/render.sh --tls --server-name stadsmijn.example.nl \
#       --certificate /etc/ssl/stadsmijn/fullchain.pem --certificate-key /etc/ssl/private/stadsmijn.key \
#       --web-root /srv/stadsmijn/web --upstream 127.0.0.1:8081 --upstream 127.0.0.1:8082 \
#       > /etc/nginx/sites-available/stadsmijn
# Loopback (the topology test and the benchmarks): the same configuration on plain HTTP:
#   deploy/nginx/render.sh --http 127.0.0.1:18443 --web-root DIR --upstream ... --log-dir DIR
#
# Options: --api-rate 30r/s --api-burst 120 (all API requests per address), --write-rate 10r/s
# --write-burst 100 (POSTs per address), --connections-per-address 32, --max-fails 2
# --fail-timeout 10s, --max-conns N (per instance; default none: over it nginx answers 502 at
# once, it does not queue),
# --no-brotli (when libnginx-mod-http-brotli-static is not installed).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

mode=
listen=
server_name=_
web_root=/srv/stadsmijn/web
certificate=/etc/ssl/stadsmijn/fullchain.pem
certificate_key=/etc/ssl/private/stadsmijn.key
log_dir=/var/log/nginx
api_rate=30r/s
api_burst=120
write_rate=10r/s
write_burst=100
connections=32
max_fails=2
fail_timeout=10s
max_conns=0
brotli=on
upstreams=()

die() {
  echo "render.sh: $1" >&2
  exit 2
}
while [[ $# -gt 0 ]]; do
  case $1 in
    --tls) mode=tls ;;
    --http) mode=http listen=${2:-}; shift ;;
    --server-name) server_name=${2:-}; shift ;;
    --web-root) web_root=${2:-}; shift ;;
    --certificate) certificate=${2:-}; shift ;;
    --certificate-key) certificate_key=${2:-}; shift ;;
    --log-dir) log_dir=${2:-}; shift ;;
    --upstream) upstreams+=("${2:-}"); shift ;;
    --api-rate) api_rate=${2:-}; shift ;;
    --api-burst) api_burst=${2:-}; shift ;;
    --write-rate) write_rate=${2:-}; shift ;;
    --write-burst) write_burst=${2:-}; shift ;;
    --connections-per-address) connections=${2:-}; shift ;;
    --max-fails) max_fails=${2:-}; shift ;;
    --fail-timeout) fail_timeout=${2:-}; shift ;;
    --max-conns) max_conns=${2:-}; shift ;;
    --no-brotli) brotli=off ;;
    *) die "unknown option $1 (see the comment at the top of this script)" ;;
  esac
  shift
done
[[ -n $mode ]] || die "choose --tls (production) or --http ADDRESS:PORT (loopback tests)"
listen_pattern='^[][0-9A-Za-z.:]+:[0-9]+$'
safe_pattern='^[][A-Za-z0-9_./:@-]+$'
[[ $mode == tls || $listen =~ $listen_pattern ]] || die "--http needs ADDRESS:PORT, not '$listen'"
[[ ${#upstreams[@]} -ge 1 ]] || die "give each stadsmijn-server instance with --upstream HOST:PORT (two or more)"
for value in "$server_name" "$web_root" "$certificate" "$certificate_key" "$log_dir" "${upstreams[@]}"; do
  # Values land inside nginx directives: no spaces, quotes, semicolons or braces.
  [[ $value =~ $safe_pattern ]] || die "unsafe value '$value'"
done

servers=""
for upstream in "${upstreams[@]}"; do
  limit=""
  [[ $max_conns == 0 ]] || limit=" max_conns=$max_conns"
  servers+="    server $upstream max_fails=$max_fails fail_timeout=$fail_timeout$limit;"$'\n'
done

keep=@$mode@
drop=@http@
[[ $mode == http ]] && drop=@tls@
brotli_mark=""
[[ $brotli == on ]] || brotli_mark="# (no libnginx-mod-http-brotli-static) "

while IFS= read -r line || [[ -n $line ]]; do
  [[ $line == "$drop"* ]] && continue
  line=${line#"$keep"}
  if [[ $line == "@UPSTREAM_SERVERS@" ]]; then
    printf '%s' "$servers"
    continue
  fi
  line=${line//@BROTLI@/$brotli_mark}
  line=${line//@LISTEN@/$listen}
  line=${line//@SERVER_NAME@/$server_name}
  line=${line//@WEB_ROOT@/$web_root}
  line=${line//@TLS_CERTIFICATE@/$certificate}
  line=${line//@TLS_CERTIFICATE_KEY@/$certificate_key}
  line=${line//@LOG_DIR@/$log_dir}
  line=${line//@API_RATE@/$api_rate}
  line=${line//@API_BURST@/$api_burst}
  line=${line//@WRITE_RATE@/$write_rate}
  line=${line//@WRITE_BURST@/$write_burst}
  line=${line//@CONNECTIONS_PER_ADDRESS@/$connections}
  printf '%s\n' "$line"
done < "$here/stadsmijn.conf.in"
