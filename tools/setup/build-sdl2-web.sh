#!/usr/bin/env bash
# Builds SDL2 for WebAssembly with emcmake, once per SDL and Emscripten version, into the cache.
# Only the subsystems the app uses (video, events, timer) are built: audio, joystick, the 2D
# renderer and the rest would cost bytes on every citizen's phone for nothing.
set -euo pipefail
cache=${STADSMIJN_CACHE:-$HOME/.cache/stadsmijn}
export NODE_PATH=/usr/share/nodejs
emver=$(emcc -dumpversion 2>/dev/null || echo unknown)
# The name also says which subsystems are in, so a change of them builds afresh.
prefix="$cache/sdl2-2.26.5-emscripten-$emver-video-events-timers"
[ -f "$prefix/.built" ] && { echo "$prefix"; exit 0; }

# Two builds started at once (parallel checkouts, make -j) must not write the same prefix.
mkdir -p "$cache"
exec 9>"$cache/sdl2-web.lock"
flock 9
[ -f "$prefix/.built" ] && { echo "$prefix"; exit 0; }

echo "stadsmijn: building SDL2 2.26.5 for the web (once; about 3 minutes)" >&2
build=$(mktemp -d)
emcmake cmake -S "$cache/src/sdl2-2.26.5" -B "$build" -DCMAKE_BUILD_TYPE=MinSizeRel \
  -DCMAKE_INSTALL_PREFIX="$prefix" -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF \
  -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF -DSDL_POWER=OFF \
  -DSDL_SENSOR=OFF -DSDL_LOCALE=OFF -DSDL_FILESYSTEM=OFF -DSDL_FILE=OFF -DSDL_CPUINFO=OFF \
  -DSDL_MISC=OFF -DSDL_PTHREADS=OFF -DSDL_RENDER=OFF -DSDL_OFFSCREEN=OFF -DSDL_DUMMYVIDEO=OFF >&2
cmake --build "$build" -j"$(nproc)" >&2
cmake --install "$build" >&2
rm -rf "$build"
touch "$prefix/.built"
echo "$prefix"
