#include <doctest/doctest.h>

#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "server/http_server.h"
#include "server/static_site.h"
#include "tests/server/listening_server.h"

using namespace stadsmijn::server;
namespace fs = std::filesystem;

namespace {

// A web build in a temporary folder: index.html, a hashed script with .br and .gz twins, a wasm.
struct FakeWebBuild {
    fs::path dir;
    FakeWebBuild() {
        dir = fs::temp_directory_path() / ("stadsmijn-web-" + std::to_string(std::rand()));
        fs::create_directories(dir);
        write("index.html", "<!doctype html><title>t</title>");
        write("app.0123456789.js", "console.log('identity')");
        write("app.0123456789.js.br", "BROTLI-BYTES");
        write("app.0123456789.js.gz", "GZIP-BYTES");
        write("stadsmijn.abcdef0123.wasm", std::string("\0asm\1\0\0\0", 8));
    }
    ~FakeWebBuild() { fs::remove_all(dir); }
    void write(const std::string& name, const std::string& bytes) {
        std::ofstream(dir / name, std::ios::binary) << bytes;
    }
};

// The real server on a free loopback port, serving until the test ends.
struct RunningServer : ListeningServer {
    explicit RunningServer(const fs::path& web_root) {
        start({.web_root = web_root, .host = "127.0.0.1", .port = 0, .threads = 2});
    }
};

}  // namespace

TEST_CASE("content-hashed names are recognised and only those") {
    CHECK(is_content_hashed("app.0123456789.js"));
    CHECK(is_content_hashed("stadsmijn.abcdef01.wasm"));
    CHECK_FALSE(is_content_hashed("index.html"));
    CHECK_FALSE(is_content_hashed("app.js"));
    CHECK_FALSE(is_content_hashed("app.notahash.js"));
    CHECK_FALSE(is_content_hashed("app.0123.js"));
}

TEST_CASE("the best accepted encoding is chosen and q=0 refuses one") {
    StaticFile file{.content_type = "text/javascript", .identity = "i", .gzip = "g", .brotli = "b"};
    CHECK(std::string(choose_body(file, "gzip, deflate, br").encoding) == "br");
    CHECK(std::string(choose_body(file, "gzip").encoding) == "gzip");
    CHECK(std::string(choose_body(file, "br;q=0, gzip;q=0.5").encoding) == "gzip");
    CHECK(choose_body(file, "").encoding == nullptr);
    CHECK(choose_body(file, "identity").encoding == nullptr);
    CHECK(std::string(choose_body(file, "*").encoding) == "br");
    StaticFile plain{.content_type = "text/html", .identity = "i"};
    CHECK(choose_body(plain, "br, gzip").encoding == nullptr);
}

TEST_CASE("a missing web build is reported with what to do") {
    auto site = StaticSite::load("/nonexistent/stadsmijn");
    REQUIRE_FALSE(site.ok());
    CHECK(site.error().find("make web") != std::string::npos);
}

TEST_CASE("paths outside the site's files are not found") {
    FakeWebBuild build;
    auto site = StaticSite::load(build.dir);
    REQUIRE(site.ok());
    CHECK(site.value().find("/") != nullptr);
    CHECK(site.value().find("/app.0123456789.js") != nullptr);
    CHECK(site.value().find("/../etc/passwd") == nullptr);
    CHECK(site.value().find("/sub/index.html") == nullptr);
    CHECK(site.value().find("app.0123456789.js") == nullptr);
    CHECK(site.value().find("/app.0123456789.js.br") == nullptr);
}

TEST_CASE("over HTTP: index.html is revalidated, hashed files are cached for a year, precompressed bytes are sent as they are") {
    FakeWebBuild build;
    RunningServer running(build.dir);
    httplib::Client client("127.0.0.1", running.port);
    client.set_decompress(false);

    auto index = client.Get("/");
    REQUIRE(index);
    CHECK(index->status == 200);
    CHECK(index->get_header_value("Cache-Control") == "no-cache");
    CHECK(index->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(index->get_header_value("Content-Security-Policy").find("'wasm-unsafe-eval'") != std::string::npos);
    CHECK(index->get_header_value("X-Content-Type-Options") == "nosniff");

    auto revalidated = client.Get("/", {{"If-None-Match", index->get_header_value("ETag")}});
    REQUIRE(revalidated);
    CHECK(revalidated->status == 304);

    auto script = client.Get("/app.0123456789.js", {{"Accept-Encoding", "gzip, br"}});
    REQUIRE(script);
    CHECK(script->get_header_value("Content-Encoding") == "br");
    CHECK(script->body == "BROTLI-BYTES");
    CHECK(script->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
    CHECK(script->get_header_value("Vary") == "Accept-Encoding");

    auto gzipped = client.Get("/app.0123456789.js", {{"Accept-Encoding", "gzip"}});
    REQUIRE(gzipped);
    CHECK(gzipped->body == "GZIP-BYTES");

    auto wasm = client.Get("/stadsmijn.abcdef0123.wasm");
    REQUIRE(wasm);
    CHECK(wasm->get_header_value("Content-Type") == "application/wasm");
    CHECK(wasm->body.size() == 8);
}

TEST_CASE("over HTTP: /healthz answers and unknown paths get 404, API paths as JSON") {
    FakeWebBuild build;
    RunningServer running(build.dir);
    httplib::Client client("127.0.0.1", running.port);
    auto health = client.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(health->body == R"({"status":"ok"})");
    auto missing = client.Get("/nothing-here.js");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    auto api = client.Get("/api/nothing");
    REQUIRE(api);
    CHECK(api->status == 404);
    CHECK(api->get_header_value("Content-Type").starts_with("application/json"));
}
