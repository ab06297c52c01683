// libFuzzer target for the whole HTTP path in-process: the bytes of one connection go through the
// edge (request_guard.h: head checks, deadlines aside), cpp-httplib's real parser and our
// handlers (static files, /healthz, the /api 404), as HttpServer::serve_in_memory answers them.
// Checks: no crash or sanitizer report (a provider reading past its body is one), every answer
// is HTTP/1.1, and no answer is longer than the largest file served plus its headers.
// Seeds: tests/fuzz/corpus/http.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>

#include "server/http_server.h"

namespace {

stadsmijn::server::HttpServer& server() {
    static std::unique_ptr<stadsmijn::server::HttpServer> instance = [] {
        namespace fs = std::filesystem;
        const fs::path dir = fs::temp_directory_path() / ("stadsmijn-http-fuzz-" + std::to_string(getpid()));
        fs::create_directories(dir);
        std::ofstream(dir / "index.html") << "<!doctype html><title>fuzz</title>";
        std::ofstream(dir / "icon.0123456789.svg") << "<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        std::ofstream(dir / "app.0123456789.js") << "console.log('identity')";
        std::ofstream(dir / "app.0123456789.js.br") << "BROTLI";
        std::ofstream(dir / "app.0123456789.js.gz") << "GZIP";
        auto created = stadsmijn::server::HttpServer::create({.web_root = dir, .threads = 1});
        if (!created.ok()) std::abort();
        return std::move(created).value();
    }();
    return *instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::string output = server().serve_in_memory(input);
    if (!output.empty() && !output.starts_with("HTTP/1.1 ")) std::abort();
    // Each request in the input is at least 16 bytes ("GET / HTTP/1.1\r\n\r\n" less a little);
    // each answer is headers (< 2 KiB) and a body of at most 64 bytes here.
    if (output.size() > (size / 16 + 1) * 2048) std::abort();
    return 0;
}
