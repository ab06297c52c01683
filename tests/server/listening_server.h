// The real HttpServer on a free loopback port, serving on its own thread until stop() or the end
// of the test.
#pragma once

#include <doctest/doctest.h>

#include <memory>
#include <thread>

#include "server/http_server.h"

struct ListeningServer {
    std::unique_ptr<stadsmijn::server::HttpServer> server;
    std::thread thread;
    int port = 0;

    void start(const stadsmijn::server::ServerConfig& config) {
        auto created = stadsmijn::server::HttpServer::create(config);
        REQUIRE(created.ok());
        server = std::move(created).value();
        auto bound = server->bind();
        REQUIRE(bound.ok());
        port = bound.value();
        thread = std::thread([this] { server->listen(); });
    }
    void stop() {
        if (!thread.joinable()) return;
        server->stop();
        thread.join();
    }
    ~ListeningServer() { stop(); }
};
