#include "server/http_server.h"

#include <httplib.h>

#include <nlohmann/json.hpp>

#include "server/http_edge.h"

#include <thread>

namespace stadsmijn::server {

std::string content_security_policy() { return content_security_policy("'self'"); }

std::string content_security_policy(const std::string& frame_ancestors) {
    return "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
           "connect-src 'self'; font-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; "
           "form-action 'self'; frame-ancestors " +
           frame_ancestors;
}

namespace {

void security_headers(httplib::Response& res) {
    // A route that chose its own policy (an embed page's frame-ancestors) keeps it.
    if (!res.has_header("Content-Security-Policy")) res.set_header("Content-Security-Policy", content_security_policy());
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Cross-Origin-Opener-Policy", "same-origin");
    res.set_header("Permissions-Policy", "camera=(), microphone=(), payment=(), usb=()");
}

void json_error(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    // replace: a path with invalid UTF-8 (GET /api/%FF) must not make dump() throw (a 500).
    res.set_content(nlohmann::json{{"error", message}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json; charset=utf-8");
}

}  // namespace

bool write_slice(const std::string& body, std::size_t offset, std::size_t length, httplib::DataSink& sink) {
    // cpp-httplib 0.11.4 passes Range offsets unchecked: never read past the body.
    if (offset > body.size()) return false;
    return sink.write(body.data() + offset, std::min(length, body.size() - offset));
}

HttpServer::HttpServer(ServerConfig config, StaticSite site)
    : config_(std::move(config)),
      site_(std::move(site)),
      http_(std::make_unique<EdgeServer>(EdgeLimits{.request_timeout = config_.request_timeout, .threads = config_.threads})) {}

HttpServer::~HttpServer() = default;

Result<std::unique_ptr<HttpServer>> HttpServer::create(ServerConfig config) {
    auto site = StaticSite::load(config.web_root);
    if (!site) return fail(site.error());
    std::unique_ptr<HttpServer> server(new HttpServer(std::move(config), std::move(site).value()));
    server->install_routes();
    return server;
}

void HttpServer::install_routes() {
    // Heads, bodies, deadlines and the thread policy are the edge's (http_edge.h); these stay as a
    // second line behind it.
    http_->set_payload_max_length(64 * 1024);
    http_->set_read_timeout(10, 0);
    http_->set_write_timeout(10, 0);
    http_->set_keep_alive_max_count(1000);
    // Headers and body leave in separate writes: without TCP_NODELAY, Nagle's algorithm holds the
    // second one until the client's delayed ACK, about 40 ms per response on keep-alive connections.
    http_->set_tcp_nodelay(true);
    // httplib's own socket options (address and port reuse), and a note of the listening socket.
    http_->set_socket_options([this](socket_t sock) {
        int yes = 1;
        setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        setsockopt(sock, SOL_SOCKET, SO_REUSEPORT, &yes, sizeof yes);
        listen_socket_ = sock;
    });

    http_->set_post_routing_handler([](const httplib::Request&, httplib::Response& res) { security_headers(res); });

    http_->Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store");
        res.set_content(R"({"status":"ok"})", "application/json; charset=utf-8");
    });

    if (config_.extra_routes) config_.extra_routes(*http_);

    http_->Get(R"(/api/.*)", [](const httplib::Request& req, httplib::Response& res) {
        json_error(res, 404, "no such API endpoint: " + req.path);
    });

    http_->Get(R"(/.*)", [this](const httplib::Request& req, httplib::Response& res) {
        if (config_.before_static && config_.before_static(req, res)) return;
        const StaticFile* file = site_.find(req.path);
        if (!file) {
            res.status = 404;
            res.set_header("Cache-Control", "no-cache");
            res.set_content("<!doctype html><meta charset=utf-8><title>Not found</title>"
                            "<p>Niet gevonden. <a href=\"/\">Naar Stadsmijn</a></p>",
                            "text/html; charset=utf-8");
            return;
        }
        res.set_header("Vary", "Accept-Encoding");
        res.set_header("ETag", file->etag);
        // embed.js keeps its name on campaign sites' pages: cached for an hour, not a year.
        res.set_header("Cache-Control", file->immutable              ? "public, max-age=31536000, immutable"
                                        : req.path == "/embed.js" ? "public, max-age=3600"
                                                                  : "no-cache");
        if (!file->immutable && req.get_header_value("If-None-Match") == file->etag) {
            res.status = 304;
            return;
        }
        ChosenBody body = choose_body(*file, req.get_header_value("Accept-Encoding"));
        if (body.encoding) res.set_header("Content-Encoding", body.encoding);
        // A provider with a known length: httplib sends it as is. With set_content it would
        // compress text types a second time on top of our precompressed bytes.
        const std::string* bytes = body.body;
        res.set_content_provider(bytes->size(), file->content_type.c_str(),
                                 [bytes](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
                                     return write_slice(*bytes, offset, length, sink);
                                 });
    });

    http_->set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (req.path.starts_with("/api/")) {
            json_error(res, res.status, res.status == 413 ? "the request body is too large" : "request not accepted");
        }
    });
}

Result<int> HttpServer::bind() {
    // Debian's cpp-httplib 0.11.4 listens with a backlog of 5 (compiled in): 64 clients connecting
    // at once see dropped SYNs and wait out a 1 s retransmit. Listening again widens the queue.
    struct WidenBacklog {
        int& socket;
        ~WidenBacklog() {
            if (socket >= 0) ::listen(socket, SOMAXCONN);
        }
    } widen{listen_socket_};
    if (config_.port == 0) {
        int port = http_->bind_to_any_port(config_.host.c_str());
        if (port <= 0) return fail("cannot listen on " + config_.host);
        port_ = port;
    } else {
        if (!http_->bind_to_port(config_.host.c_str(), config_.port))
            return fail("cannot listen on " + config_.host + ":" + std::to_string(config_.port) +
                        " (is another server using it? choose another with PORT=...)");
        port_ = config_.port;
    }
    return port_;
}

void HttpServer::listen() {
    listening_ = true;
    if (stop_requested_) return;
    http_->start_edge();
    http_->listen_after_bind();
    finished_ = true;
    http_->stop_edge();
}

std::string HttpServer::serve_in_memory(std::string request_bytes) {
    return http_->serve_in_memory(std::move(request_bytes));
}

void HttpServer::stop() {
    stop_requested_ = true;
    // listen() has begun: wait until cpp-httplib runs, so that its stop() takes effect.
    if (listening_)
        while (!http_->is_running() && !finished_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    http_->stop();
}

}  // namespace stadsmijn::server
