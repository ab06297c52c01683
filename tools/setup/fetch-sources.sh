#!/usr/bin/env bash
# Fetches the Debian *source* packages of Dear ImGui and SDL2 (apt checks the signed .dsc) and
# unpacks their upstream tarballs into the cache. Prints nothing when they are already there.
#   STADSMIJN_CACHE  where to keep them (default ~/.cache/stadsmijn)
set -euo pipefail
cache=${STADSMIJN_CACHE:-$HOME/.cache/stadsmijn}
mkdir -p "$cache/src"

fetch() { # package, upstream version, folder name
  local package=$1 version=$2 folder=$3
  [ -f "$cache/src/$folder/.unpacked" ] && return 0
  echo "stadsmijn: fetching the Debian source package $package $version"
  local work; work=$(mktemp -d)
  (cd "$work" && apt-get source --download-only "$package=$(apt-cache showsrc "$package" | awk '/^Version:/ {print $2; exit}')" >/dev/null)
  local tarball; tarball=$(ls "$work"/*.orig.tar.* | head -1)
  rm -rf "${cache:?}/src/$folder"; mkdir -p "$cache/src/$folder"
  tar -xf "$tarball" -C "$cache/src/$folder" --strip-components=1
  touch "$cache/src/$folder/.unpacked"
  rm -rf "$work"
}

fetch imgui 1.86 imgui-1.86
fetch libsdl2 2.26.5 sdl2-2.26.5
