// The Stadsmijn HTTP server: the web app's files, /healthz, and (as they land) the poll and
// campaign APIs. One object owns the listening socket and everything it serves.
//
//   auto server = HttpServer::create({.web_root = "build/web/dist", .port = 8080});
//   if (!server) { print(server.error()); return 1; }
//   server.value()->listen();   // blocks until stop()
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "core/result.h"
#include "server/static_site.h"

namespace httplib {
class Server;
struct Request;
struct Response;
class DataSink;
}

namespace stadsmijn::server {

class EdgeServer;

struct ServerConfig {
    std::filesystem::path web_root;
    std::string host = "127.0.0.1";
    int port = 8080;  // 0: any free port (tests)
    int threads = 8;  // pool threads running handlers; waiting connections hold none (http_edge.h)
    // From a request's first byte to its last (head and body); 408 after it.
    std::chrono::milliseconds request_timeout{10'000};
    // More routes (the poll API): installed after /healthz and before the catch-all /api/ 404.
    std::function<void(httplib::Server&)> extra_routes{};
    // Runs before a file of the web build is served: may set headers (an embed page's
    // Content-Security-Policy, see server/campaigns.h) or answer itself and return true.
    std::function<bool(const httplib::Request&, httplib::Response&)> before_static{};
};

// The Content-Security-Policy of every response: scripts only from this origin, WebAssembly
// allowed to compile ('wasm-unsafe-eval', not 'unsafe-eval'), no inline code, no framing by
// other sites.
std::string content_security_policy();
// The same policy with another frame-ancestors source list (a campaign's allowed origins).
std::string content_security_policy(const std::string& frame_ancestors);

// What a content provider writes for (offset, length) of `body`: never past its end.
bool write_slice(const std::string& body, std::size_t offset, std::size_t length, httplib::DataSink& sink);

class HttpServer {
public:
    static Result<std::unique_ptr<HttpServer>> create(ServerConfig config);
    ~HttpServer();

    // Binds the port; returns the port bound, or an error (for example: the port is in use).
    Result<int> bind();
    void listen();  // serves until stop(); call bind() first
    void stop();
    int port() const { return port_; }
    // The bytes of one connection answered in memory by the same path as a socket's (fuzzing).
    std::string serve_in_memory(std::string request_bytes);

private:
    HttpServer(ServerConfig config, StaticSite site);
    void install_routes();

    ServerConfig config_;
    StaticSite site_;
    std::unique_ptr<EdgeServer> http_;
    int port_ = 0;
    int listen_socket_ = -1;
    // stop() before listen() has started must still stop it (cpp-httplib's stop() would not).
    std::atomic<bool> listening_{false};
    std::atomic<bool> stop_requested_{false};
    std::atomic<bool> finished_{false};  // kept to widen cpp-httplib's listen backlog (see bind())
};

}  // namespace stadsmijn::server
