// EdgeServer: cpp-httplib's Server with our own front end for every connection.
//
// cpp-httplib 0.11.4 keeps one pool thread per connection from the first byte, and reads heads
// and bodies without bounds (notes/http-library.md). Here a connection costs no thread until a
// whole request is in memory: one reader thread (epoll) collects the bytes of every connection
// into a buffer bounded by the head and body limits, under one deadline for the whole request;
// request_guard.h checks the head; only then a pool thread gives the complete request to
// cpp-httplib's parser and handlers (process_request), and writes the answer. Between
// keep-alive requests the connection goes back to the reader.
#pragma once

#include <httplib.h>

#include <chrono>
#include <memory>
#include <string>

#include "server/request_guard.h"

namespace stadsmijn::server {

struct EdgeLimits {
    HeadLimits head{};
    BodyLimit body_limit{};  // empty: default_body_limit
    std::chrono::milliseconds request_timeout{10'000};     // first byte to last byte of a request
    std::chrono::milliseconds keep_alive_timeout{5'000};   // idle time between requests
    std::size_t max_waiting_connections = 4096;            // connections the reader holds (503 beyond)
    std::size_t keep_alive_max_count = 1000;               // requests per connection
    int threads = 8;                                       // pool threads running handlers
};

class EdgeServer : public httplib::Server {
public:
    explicit EdgeServer(EdgeLimits limits);
    ~EdgeServer() override;
    // Starts the reader and the pool; call before listen_after_bind().
    void start_edge();
    // Stops the reader and the pool and closes every connection (after httplib's stop()).
    void stop_edge();

    // One connection's bytes in memory, answered by the same code path (tests, fuzzing): every
    // request in `input` in turn, as if it arrived at once; returns the bytes written back.
    std::string serve_in_memory(std::string input);

    struct Connection;

private:
    bool process_and_close_socket(socket_t sock) override;
    void reader_loop();
    void watch(std::unique_ptr<Connection> connection);
    void serve(std::unique_ptr<Connection> connection);
    // Returns true when the buffer held a complete request and it was answered.
    bool serve_one(Connection& connection, bool& keep_open);

    struct Reader;
    EdgeLimits limits_;
    std::unique_ptr<Reader> reader_;
};

}  // namespace stadsmijn::server
