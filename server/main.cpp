// stadsmijn-server: serves the web app and its APIs.
//   stadsmijn-server --web DIR [--host 127.0.0.1] [--port 8080]
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "server/http_server.h"

namespace {
stadsmijn::server::HttpServer* running = nullptr;
void stop_on_signal(int) {
    if (running) running->stop();
}
}  // namespace

int main(int argc, char** argv) {
    stadsmijn::server::ServerConfig config;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (arg == "--web") {
            config.web_root = value();
        } else if (arg == "--host") {
            config.host = value();
        } else if (arg == "--port") {
            config.port = std::atoi(value().c_str());
        } else {
            std::fprintf(stderr, "usage: %s --web DIR [--host HOST] [--port PORT]\n", argv[0]);
            return 2;
        }
    }
    if (config.web_root.empty() || config.port < 0 || config.port > 65535) {
        std::fprintf(stderr, "usage: %s --web DIR [--host HOST] [--port PORT]\n", argv[0]);
        return 2;
    }

    auto server = stadsmijn::server::HttpServer::create(config);
    if (!server) {
        std::fprintf(stderr, "stadsmijn-server: %s\n", server.error().c_str());
        return 1;
    }
    auto port = server.value()->bind();
    if (!port) {
        std::fprintf(stderr, "stadsmijn-server: %s\n", port.error().c_str());
        return 1;
    }
    running = server.value().get();
    std::signal(SIGINT, stop_on_signal);
    std::signal(SIGTERM, stop_on_signal);
    std::printf("Stadsmijn is running at http://%s:%d/  (Ctrl-C stops it)\n", config.host.c_str(), port.value());
    std::fflush(stdout);
    server.value()->listen();
    std::printf("stadsmijn-server: stopped\n");
    return 0;
}
