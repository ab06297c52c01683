// The HTTP edge over real sockets on loopback: no answer reads past its body (Range), heads and
// bodies are bounded before they are buffered, and slow clients cannot starve /healthz.
// Each case is an attack from the review of issue 11, sent byte for byte.
#include <doctest/doctest.h>

#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "server/http_server.h"
#include "server/request_guard.h"
#include "tests/server/listening_server.h"

using namespace stadsmijn::server;
namespace fs = std::filesystem;

namespace {

const std::string kIcon =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><path d=\"M12 2 2 22h20z\"/></svg>";

struct EdgeServerUnderTest : ListeningServer {
    fs::path dir;
    explicit EdgeServerUnderTest(ServerConfig config = {}) {
        dir = fs::temp_directory_path() / ("stadsmijn-edge-" + std::to_string(std::rand()));
        fs::create_directories(dir);
        std::ofstream(dir / "index.html") << "<!doctype html><title>t</title>";
        std::ofstream(dir / "icon.0123456789.svg", std::ios::binary) << kIcon;
        config.web_root = dir;
        config.host = "127.0.0.1";
        config.port = 0;
        if (config.threads == 8) config.threads = 2;
        start(config);
    }
    ~EdgeServerUnderTest() {
        stop();
        fs::remove_all(dir);
    }
};

// A raw TCP connection: what a hostile client can send, and what comes back.
struct RawConnection {
    int fd = -1;
    explicit RawConnection(int port) {
        fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    }
    ~RawConnection() { ::close(fd); }
    // False when the server has closed the connection (its answer may still be waiting).
    bool send(std::string_view bytes) {
        return ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
    }
    // Everything until the server closes; fails the test after a generous 30 s.
    std::string read_until_closed() {
        char chunk[65536];
        for (;;) {
            pollfd p{fd, POLLIN, 0};
            REQUIRE_MESSAGE(::poll(&p, 1, 30'000) == 1, "the server neither answered nor closed");
            ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0) return received;
            received.append(chunk, static_cast<std::size_t>(n));
            REQUIRE_MESSAGE(received.size() < 1 << 20, "the answer is far larger than any file served");
        }
    }
    // One answer (headers and Content-Length bytes), on a connection that stays open.
    std::string received;  // bytes after the last answer read_response returned
    std::string read_response() {
        char chunk[4096];
        for (;;) {
            auto head_end = received.find("\r\n\r\n");
            if (head_end != std::string::npos) {
                auto at = received.find("Content-Length: ");
                std::size_t length = at < head_end ? std::stoul(received.substr(at + 16)) : 0;
                if (received.size() >= head_end + 4 + length) {
                    std::string answer = received.substr(0, head_end + 4 + length);
                    received.erase(0, answer.size());
                    return answer;
                }
            }
            pollfd p{fd, POLLIN, 0};
            REQUIRE_MESSAGE(::poll(&p, 1, 30'000) == 1, "no answer");
            ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            REQUIRE_MESSAGE(n > 0, "closed before a whole answer: " << received);
            received.append(chunk, static_cast<std::size_t>(n));
        }
    }
};

int status_of(const std::string& response) {
    REQUIRE_MESSAGE(response.starts_with("HTTP/1.1 "), "not an HTTP answer: " << response.substr(0, 200));
    return std::stoi(response.substr(9, 3));
}

std::string body_of(const std::string& response) {
    auto at = response.find("\r\n\r\n");
    REQUIRE(at != std::string::npos);
    return response.substr(at + 4);
}

std::string get_with_range(int port, const std::string& path, const std::string& range) {
    RawConnection c(port);
    REQUIRE(c.send("GET " + path + " HTTP/1.1\r\nHost: x\r\nRange: " + range + "\r\nConnection: close\r\n\r\n"));
    return c.read_until_closed();
}

}  // namespace

TEST_CASE("edge: a Range never reads past the body; every range gets the whole file with 200") {
    EdgeServerUnderTest running;
    // Issue 11: bytes=0-4095 of a 229-byte icon answered 206 with 4 KiB of heap.
    for (const std::string range :
         {"bytes=0-4095", "bytes=0-1099511627775", "bytes=0-4", "bytes=-5", "bytes=3-", "bytes=100000-",
          "bytes=100000-200000", "bytes=0-1,3-4", "bytes=0-5,2-8", "bytes=0-0,-1,10-", "bytes=abc", "bytes=5-1",
          "pages=1-2", "bytes=18446744073709551615-", "bytes=0-18446744073709551616"}) {
        CAPTURE(range);
        std::string response = get_with_range(running.port, "/icon.0123456789.svg", range);
        CHECK(status_of(response) == 200);
        CHECK(body_of(response) == kIcon);
        CHECK(response.find("Content-Range") == std::string::npos);
    }
    // Also on the revalidated index page and the 404 page.
    CHECK(body_of(get_with_range(running.port, "/", "bytes=0-4095")) == "<!doctype html><title>t</title>");
    CHECK(status_of(get_with_range(running.port, "/missing.js", "bytes=0-4095")) == 404);
}

TEST_CASE("edge: a content provider writes only what lies inside its body") {
    std::string written;
    httplib::DataSink sink;
    sink.write = [&](const char* data, std::size_t size) {
        written.append(data, size);
        return true;
    };
    const std::string body = "0123456789";
    CHECK(write_slice(body, 0, 4096, sink));
    CHECK(written == body);
    written.clear();
    CHECK(write_slice(body, 8, 1ull << 40, sink));
    CHECK(written == "89");
    written.clear();
    CHECK(write_slice(body, 10, 5, sink));
    CHECK(written.empty());
    CHECK_FALSE(write_slice(body, 11, 5, sink));
    CHECK(written.empty());
}

TEST_CASE("edge: compressed and chunked request bodies are refused before any body byte is read") {
    EdgeServerUnderTest running;
    // Issue 11: a 237-byte brotli body grew the process by ~590 MB; a 61 KB gzip body by 60 MiB.
    for (const std::string encoding : {"br", "gzip", "deflate", "identity"}) {
        CAPTURE(encoding);
        RawConnection c(running.port);
        REQUIRE(c.send("POST /api/polls/p/votes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                       "Content-Encoding: " + encoding + "\r\nContent-Length: 10\r\n\r\n"));
        std::string response = c.read_until_closed();  // the body was never sent
        CHECK(status_of(response) == 415);
        CHECK(response.find("Connection: close") != std::string::npos);
    }
    // Issue 11: a 150 MiB chunked body was read into memory. Refused on its head alone.
    for (const std::string head : {"Transfer-Encoding: chunked\r\n", "Transfer-Encoding: gzip, chunked\r\n",
                                   "transfer-encoding: CHUNKED\r\nContent-Length: 5\r\n"}) {
        CAPTURE(head);
        RawConnection c(running.port);
        REQUIRE(c.send("POST /api/events HTTP/1.1\r\nHost: x\r\n" + head + "\r\n"));
        CHECK(status_of(c.read_until_closed()) == 411);
    }
    RawConnection other(running.port);
    REQUIRE(other.send("POST /api/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"));
    CHECK(status_of(other.read_until_closed()) == 501);
}

TEST_CASE("edge: a request line or head over its limit is refused before its end arrives") {
    EdgeServerUnderTest running;
    // Issue 11: a 100 MiB request line was read into memory. 9 KB of it are enough to refuse.
    {
        RawConnection c(running.port);
        REQUIRE(c.send("GET /" + std::string(9000, 'a')));
        CHECK(status_of(c.read_until_closed()) == 414);
    }
    // Issue 11: 500,000 headers were read into memory. 101 are refused.
    {
        RawConnection c(running.port);
        std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 101; ++i) head += "X-" + std::to_string(i) + ": 1\r\n";
        REQUIRE(c.send(head));  // no end of head: refused on the count alone
        CHECK(status_of(c.read_until_closed()) == 431);
    }
    // One header of 20 KB.
    {
        RawConnection c(running.port);
        c.send("GET /healthz HTTP/1.1\r\nHost: x\r\nCookie: " + std::string(20000, 'c'));
        CHECK(status_of(c.read_until_closed()) == 431);
    }
}

TEST_CASE("edge: bodies over the route's limit, and bodies where none belong, are refused on their length") {
    EdgeServerUnderTest running;
    auto answer = [&](const std::string& head) {
        RawConnection c(running.port);
        REQUIRE(c.send(head));
        return status_of(c.read_until_closed());
    };
    CHECK(answer("POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: 157286400\r\n\r\n") == 413);
    CHECK(answer("POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: 65537\r\n\r\n") == 413);
    CHECK(answer("GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n") == 413);
    CHECK(answer("POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n") == 413);
    // Two parsers must never disagree about where a request ends.
    CHECK(answer("POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") == 400);
    CHECK(answer("POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\n") == 400);
    CHECK(answer("POST /api/events HTTP/1.1\r\nHost: x\r\nContent-Length : 5\r\n\r\n") == 400);
    CHECK(answer("GET /healthz HTTP/1.1\nHost: x\n\n") == 400);
    CHECK(answer("GET /healthz HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n") == 400);
    CHECK(answer("GET /healthz HTTP/2.0\r\n\r\n") == 505);
    CHECK(answer("GET /healthz HTTP/1.1\r\nExpect: magic\r\n\r\n") == 417);
}

TEST_CASE("edge: ordinary requests still work: keep-alive, pipelining, 100-continue, bodies") {
    EdgeServerUnderTest running;
    httplib::Client client("127.0.0.1", running.port);
    client.set_keep_alive(true);
    for (int i = 0; i < 3; ++i) {
        auto health = client.Get("/healthz");
        REQUIRE(health);
        CHECK(health->status == 200);
    }
    auto posted = client.Post("/api/nothing", std::string(3000, 'x'), "application/json");
    REQUIRE(posted);
    CHECK(posted->status == 404);

    // Two requests in one packet: two answers, in order.
    RawConnection c(running.port);
    REQUIRE(c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /icon.0123456789.svg HTTP/1.1\r\nHost: x\r\n\r\n"));
    CHECK(body_of(c.read_response()) == R"({"status":"ok"})");
    CHECK(body_of(c.read_response()) == kIcon);
    // A body announced with Expect: 100-continue is invited, then answered.
    REQUIRE(c.send("POST /api/nothing HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n"));
    CHECK(c.read_response() == "HTTP/1.1 100 Continue\r\n\r\n");
    REQUIRE(c.send("{}"));
    CHECK(status_of(c.read_response()) == 404);
    // A POST without Content-Length has no body; the next request on the connection is its own.
    REQUIRE(c.send("POST /api/nothing HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
    CHECK(status_of(c.read_response()) == 404);
    CHECK(body_of(c.read_response()) == R"({"status":"ok"})");
}

TEST_CASE("edge: 40 slow clients do not stop /healthz, and a slow head meets its deadline") {
    ServerConfig config;
    config.threads = 4;
    config.request_timeout = std::chrono::milliseconds(1500);
    EdgeServerUnderTest running(config);
    // Issue 11: 40 connections sending one header byte every 3 s stopped /healthz.
    std::vector<std::unique_ptr<RawConnection>> slow;
    for (int i = 0; i < 40; ++i) {
        slow.push_back(std::make_unique<RawConnection>(running.port));
        REQUIRE(slow.back()->send("G"));
    }
    std::atomic<bool> done{false};
    std::thread trickle([&] {
        const std::string head = "ET /healthz HTTP/1.1\r\nHost: x\r\n";
        for (std::size_t at = 0; at < head.size() && !done; ++at) {
            for (auto& c : slow) c->send(head.substr(at, 1));
            for (int i = 0; i < 30 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    httplib::Client client("127.0.0.1", running.port);
    client.set_read_timeout(30, 0);
    auto health = client.Get("/healthz");
    done = true;
    trickle.join();
    REQUIRE(health);
    CHECK(health->status == 200);
    // Each slow head is answered 408 at its deadline and closed (awaited, not timed).
    for (auto& c : slow) CHECK(status_of(c->read_until_closed()) == 408);
}

TEST_CASE("edge: the in-memory path answers like a socket") {
    EdgeServerUnderTest running;
    std::string out = running.server->serve_in_memory(
        "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /icon.0123456789.svg HTTP/1.1\r\nRange: bytes=0-4095\r\n\r\n");
    CHECK(out.find(R"({"status":"ok"})") != std::string::npos);
    CHECK(out.ends_with(kIcon));
    CHECK(running.server->serve_in_memory("GET /" + std::string(9000, 'a')).starts_with("HTTP/1.1 414"));
}
