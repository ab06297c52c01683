# Stadsmijn: the two commands a newcomer runs, and the steps behind them.
#   make run    install what is missing, build, serve on http://127.0.0.1:$(PORT) (default 8080)
#   make test   install what is missing, build both targets, run every test
SHELL := /bin/bash
PORT ?= 8080
JOBS ?= $(shell nproc)
# Where the builds go; a second checkout or a parallel session can use its own (BUILD=build/mine).
BUILD ?= build
export NODE_PATH := /usr/share/nodejs
export STADSMIJN_CACHE := $(or $(STADSMIJN_CACHE),$(HOME)/.cache/stadsmijn)

.PHONY: all run test test-sanitize deps native web bench bench-web bench-production format clean

all: native web

# Debian packages, npm packages, the imgui and libsdl2 source packages: only what is missing.
deps:
	@tools/setup/install-deps.sh
	@tools/setup/fetch-sources.sh

native: deps
	@[ -f $(BUILD)/native/CMakeCache.txt ] || cmake -S . -B $(BUILD)/native -DCMAKE_BUILD_TYPE=Release \
	  -DSTADSMIJN_WEB_DIST=$(abspath $(BUILD))/web/dist
	@cmake --build $(BUILD)/native -j$(JOBS)

# SDL2 for the web is built once into the cache, keyed by SDL and Emscripten versions and its
# subsystems; a build folder made with another SDL2 is configured again.
web: deps
	@sdl2=$$(tools/setup/build-sdl2-web.sh) && \
	  { grep -qxF "SDL2_WEB_PREFIX:UNINITIALIZED=$$sdl2" $(BUILD)/web/CMakeCache.txt 2>/dev/null || \
	    emcmake cmake -S . -B $(BUILD)/web -DCMAKE_BUILD_TYPE=Release -DSDL2_WEB_PREFIX="$$sdl2"; }
	@cmake --build $(BUILD)/web -j$(JOBS)

run: native web
	@$(BUILD)/native/stadsmijn-server --web $(BUILD)/web/dist --port $(PORT)

test: native web
	@cd $(BUILD)/native && ctest --output-on-failure -j$(JOBS)
	@$(MAKE) --no-print-directory test-sanitize

# The core and server tests once more with AddressSanitizer and UBSan, in a build tree of their
# own that builds only those test programs (and the server the crash test starts).
test-sanitize: deps
	@[ -f $(BUILD)/sanitize/CMakeCache.txt ] || cmake -S . -B $(BUILD)/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DSTADSMIJN_SANITIZE=ON -DSTADSMIJN_WEB_DIST=$(abspath $(BUILD))/web/dist
	@cmake --build $(BUILD)/sanitize -j$(JOBS) --target core_tests server_tests polls_server_tests
	@cd $(BUILD)/sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ctest --output-on-failure -j$(JOBS) -R '^(core_tests|server_tests|polls_server_sqlite)$$'

# Numbers for the README: bytes over the wire, idle CPU, time to first frame; durable votes/s.
bench: native web
	@node tools/bench/web-metrics.mjs
	@tools/bench/votes/run.sh $(BUILD)/native 8

# First visit, repeat visit and offline reload on a throttled phone profile (Slow 4G, CPU 4x),
# median of 3, and the start-up breakdown: web/README.md "Figures".
bench-web: native web
	@node tools/bench/web/run.mjs --runs 3

# Figures of the production topology (nginx, two instances, PostgreSQL): server/README.md "Production".
bench-production: native web
	@tools/bench/production/run.sh $(BUILD)/native $(BUILD)/web/dist

format:
	@clang-format -i $$(git ls-files 'app/*.cpp' 'app/*.h' 'server/*.cpp' 'server/*.h' 'tests/*.cpp' 'tests/*.h' 'tools/*.cpp')

clean:
	rm -rf build
