#!/usr/bin/env bash
# Installs what Stadsmijn needs on Debian bookworm, as root, and only what is missing.
# Called by `make run` and `make test`; safe to run again (it does nothing when all is there).
set -euo pipefail

here=$(cd "$(dirname "$0")/../.." && pwd)

debian_packages=(
  # build, and the format check (ctest -R format_check)
  cmake make g++ pkg-config dpkg-dev clang-format
  # web build: emcc 3.1.6 with clang-14, lld, binaryen
  emscripten
  # native build of the app (SDL2 + OpenGL 3) and its headless UI tests
  libsdl2-dev libgl-dev xvfb xauth
  # header-only libraries used by both builds
  nlohmann-json3-dev doctest-dev
  # server
  libcpp-httplib-dev libsqlite3-dev libssl-dev zlib1g-dev libbrotli-dev
  # poll store: PostgreSQL client library, and the server the tests start a throwaway cluster of
  libpq-dev postgresql
  # keyed hashes of client addresses for the per-address limits (crypto_shorthash)
  libsodium-dev
  # font subsetting and precompression
  fonts-inter fonts-noto-core python3-fonttools python3-brotli brotli gzip
  # browser tests (Firefox runs with a window on xvfb: headless it has no WebGL 2)
  chromium firefox-esr nodejs npm
  # fuzzing
  clang-14 libclang-rt-14-dev
  # reference encoder the QR code tests compare against (tests/unit/qr_test.cpp)
  qrencode
  # the production topology test (tests/production): Debian's nginx with the brotli static module
  nginx libnginx-mod-http-brotli-static
)

missing=()
for p in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# node may come from elsewhere (the machine image ships one); accept any node >= 18 with npm.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ $p == nodejs || $p == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "stadsmijn: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # The topology test starts its own nginx on a free loopback port; the system's default site
  # (port 80, logging addresses) is not needed on a development or CI machine.
  if [[ " ${missing[*]} " == *" nginx "* ]] && [[ -d /run/systemd/system ]]; then
    systemctl disable --now nginx >/dev/null 2>&1 || true
  fi
fi

# deb-src entry, so `apt-get source` can fetch the imgui and libsdl2 source packages.
# The URI is copied from the machine's own deb entry: no host name lives in this repository.
src_list=/etc/apt/sources.list.d/stadsmijn-debian-src.sources
if [ ! -f "$src_list" ]; then
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  if [ -z "$uri" ]; then
    uri=$(awk '$1=="deb" && $0 ~ /bookworm/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  fi
  [ -n "$uri" ] || { echo "stadsmijn: cannot find the Debian mirror in the apt sources" >&2; exit 1; }
  cat > "$src_list" <<SRC
Types: deb-src
URIs: $uri
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt-get update -qq
fi

# npm packages for the browser tests (exact versions in tests/browser/package-lock.json).
if { [ ! -d "$here/tests/browser/node_modules/playwright-core" ] || [ ! -d "$here/tests/browser/node_modules/@axe-core/playwright" ] \
     || [ ! -d "$here/tests/browser/node_modules/puppeteer-core" ]; } \
   && [ -f "$here/tests/browser/package.json" ]; then
  echo "stadsmijn: installing npm packages for the browser tests"
  (cd "$here/tests/browser" && npm ci --no-audit --no-fund --loglevel=error 2>/dev/null || npm install --no-audit --no-fund --loglevel=error)
fi
