#include "server/http_edge.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace stadsmijn::server {

using Clock = std::chrono::steady_clock;

struct EdgeServer::Connection {
    int fd = -1;                     // -1: in memory (serve_in_memory)
    std::string* output = nullptr;   // in memory: what the server writes
    std::string buffer;              // bytes received and not yet consumed
    Clock::time_point deadline;
    bool idle = false;               // between keep-alive requests, no byte of the next one yet
    bool continue_sent = false;
    std::size_t requests = 0;
    std::string remote_ip, local_ip;
    int remote_port = 0, local_port = 0;
};

namespace {

void address_of(int fd, bool peer, std::string& ip, int& port) {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    int got = peer ? getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length)
                   : getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
    if (got != 0) return;
    char host[NI_MAXHOST];
    char service[NI_MAXSERV];
    if (getnameinfo(reinterpret_cast<sockaddr*>(&address), length, host, sizeof host, service, sizeof service,
                    NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
        ip = host;
        port = std::atoi(service);
    }
}

// Best effort for a short answer on a socket we are about to close (never blocks).
void send_now(int fd, std::string_view bytes) {
    if (fd >= 0) (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
}

void close_connection(int fd) {
    if (fd < 0) return;
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
}

// The complete request, already in memory, as cpp-httplib's Stream: reads never wait (the end of
// the buffer is the end of the stream); writes wait for the socket up to the write timeout.
class BufferedStream : public httplib::Stream {
public:
    BufferedStream(EdgeServer::Connection& connection, int write_timeout_ms)
        : c_(connection), write_timeout_ms_(write_timeout_ms) {}
    std::size_t consumed() const { return pos_; }

    bool is_readable() const override { return pos_ < c_.buffer.size(); }
    bool is_writable() const override { return c_.fd < 0 || wait_writable(); }
    ssize_t read(char* ptr, size_t size) override {
        const std::size_t n = std::min(size, c_.buffer.size() - pos_);
        std::memcpy(ptr, c_.buffer.data() + pos_, n);
        pos_ += n;
        return static_cast<ssize_t>(n);
    }
    ssize_t write(const char* ptr, size_t size) override {
        if (c_.fd < 0) {
            c_.output->append(ptr, size);
            return static_cast<ssize_t>(size);
        }
        std::size_t sent = 0;
        while (sent < size) {
            ssize_t n = ::send(c_.fd, ptr + sent, size - sent, MSG_NOSIGNAL);
            if (n > 0) {
                sent += static_cast<std::size_t>(n);
            } else if (n < 0 && errno == EINTR) {
                continue;
            } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                if (!wait_writable()) return -1;
            } else {
                return -1;
            }
        }
        return static_cast<ssize_t>(size);
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override {
        ip = c_.remote_ip;
        port = c_.remote_port;
    }
    void get_local_ip_and_port(std::string& ip, int& port) const override {
        ip = c_.local_ip;
        port = c_.local_port;
    }
    socket_t socket() const override { return c_.fd < 0 ? 0 : c_.fd; }

private:
    bool wait_writable() const {
        pollfd p{c_.fd, POLLOUT, 0};
        int n;
        do n = ::poll(&p, 1, write_timeout_ms_);
        while (n < 0 && errno == EINTR);
        return n > 0 && (p.revents & POLLOUT);
    }
    EdgeServer::Connection& c_;
    int write_timeout_ms_;
    std::size_t pos_ = 0;
};

// cpp-httplib's accept loop hands each socket to its task queue: ours runs the hand-over at once
// (process_and_close_socket only registers the socket with the reader).
class InlineQueue : public httplib::TaskQueue {
public:
    void enqueue(std::function<void()> fn) override { fn(); }
    void shutdown() override {}
};

}  // namespace

struct EdgeServer::Reader {
    int epoll_fd = -1;
    int wake_fd = -1;
    std::mutex mutex;
    std::unordered_map<int, std::unique_ptr<Connection>> waiting;
    std::atomic<bool> stopping{false};
    std::thread thread;
    std::unique_ptr<httplib::ThreadPool> pool;
};

EdgeServer::EdgeServer(EdgeLimits limits) : limits_(std::move(limits)), reader_(std::make_unique<Reader>()) {
    new_task_queue = [] { return new InlineQueue(); };
    if (!limits_.body_limit) limits_.body_limit = default_body_limit;
}

EdgeServer::~EdgeServer() { stop_edge(); }

void EdgeServer::start_edge() {
    if (reader_->thread.joinable()) return;
    reader_->stopping = false;
    reader_->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
    reader_->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = reader_->wake_fd;
    epoll_ctl(reader_->epoll_fd, EPOLL_CTL_ADD, reader_->wake_fd, &event);
    reader_->pool = std::make_unique<httplib::ThreadPool>(static_cast<std::size_t>(std::max(1, limits_.threads)));
    reader_->thread = std::thread([this] { reader_loop(); });
}

void EdgeServer::stop_edge() {
    if (!reader_->thread.joinable()) return;
    reader_->stopping = true;
    std::uint64_t one = 1;
    (void)::write(reader_->wake_fd, &one, sizeof one);
    reader_->thread.join();
    reader_->pool->shutdown();  // runs what is queued; their connections close (stopping)
    reader_->pool.reset();
    std::lock_guard lock(reader_->mutex);
    for (auto& [fd, connection] : reader_->waiting) close_connection(fd);
    reader_->waiting.clear();
    ::close(reader_->epoll_fd);
    ::close(reader_->wake_fd);
}

bool EdgeServer::process_and_close_socket(socket_t sock) {
    fcntl(sock, F_SETFL, fcntl(sock, F_GETFL) | O_NONBLOCK);
    int yes = 1;
    setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    auto connection = std::make_unique<Connection>();
    connection->fd = sock;
    connection->deadline = Clock::now() + limits_.request_timeout;
    address_of(sock, true, connection->remote_ip, connection->remote_port);
    address_of(sock, false, connection->local_ip, connection->local_port);
    watch(std::move(connection));
    return true;
}

void EdgeServer::watch(std::unique_ptr<Connection> connection) {
    std::lock_guard lock(reader_->mutex);
    const int fd = connection->fd;
    if (reader_->stopping) {
        close_connection(fd);
        return;
    }
    if (reader_->waiting.size() >= limits_.max_waiting_connections) {
        send_now(fd, edge_error_response(503, "too many open connections; try again shortly"));
        close_connection(fd);
        return;
    }
    reader_->waiting[fd] = std::move(connection);
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP | EPOLLET;  // edge-triggered: new bytes wake us once
    event.data.fd = fd;
    if (epoll_ctl(reader_->epoll_fd, EPOLL_CTL_ADD, fd, &event) != 0) {
        reader_->waiting.erase(fd);
        close_connection(fd);
    }
}

void EdgeServer::reader_loop() {
    constexpr int kMaxEvents = 64;
    epoll_event events[kMaxEvents];
    auto next_scan = Clock::now();
    std::vector<std::unique_ptr<Connection>> ready;
    while (!reader_->stopping) {
        const int n = epoll_wait(reader_->epoll_fd, events, kMaxEvents, 100);
        const auto now = Clock::now();
        {
            std::lock_guard lock(reader_->mutex);
            for (int i = 0; i < n; ++i) {
                const int fd = events[i].data.fd;
                if (fd == reader_->wake_fd) {
                    std::uint64_t value;
                    (void)::read(fd, &value, sizeof value);
                    continue;
                }
                auto found = reader_->waiting.find(fd);
                if (found == reader_->waiting.end()) continue;
                Connection& c = *found->second;
                bool closed = false;
                RequestCheck check;
                // Read until the socket is drained (edge-triggered) or a request is complete or refused.
                for (;;) {
                    char chunk[16 * 1024];
                    const ssize_t got = ::recv(fd, chunk, sizeof chunk, 0);
                    if (got < 0 && errno == EINTR) continue;
                    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
                    if (got <= 0) {
                        closed = true;
                        break;
                    }
                    if (c.idle) {
                        c.idle = false;
                        c.deadline = now + limits_.request_timeout;
                    }
                    c.buffer.append(chunk, static_cast<std::size_t>(got));
                    check = find_request(c.buffer, limits_.head, limits_.body_limit);
                    if (check.state != RequestState::incomplete) break;
                }
                if (!closed && check.state == RequestState::incomplete && !c.buffer.empty())
                    check = find_request(c.buffer, limits_.head, limits_.body_limit);
                if (check.state == RequestState::refused) {
                    send_now(fd, edge_error_response(check.status, check.reason));
                    closed = true;
                } else if (check.state == RequestState::complete) {
                    epoll_ctl(reader_->epoll_fd, EPOLL_CTL_DEL, fd, nullptr);
                    ready.push_back(std::move(found->second));
                    reader_->waiting.erase(found);
                    continue;
                } else if (!closed && check.head_size > 0 && check.expects_continue && !c.continue_sent) {
                    send_now(fd, "HTTP/1.1 100 Continue\r\n\r\n");
                    c.continue_sent = true;
                }
                if (closed) {
                    reader_->waiting.erase(found);
                    close_connection(fd);
                }
            }
            // One deadline per request, from its first byte (or the connection's start) to its last.
            if (now >= next_scan) {
                next_scan = now + std::chrono::milliseconds(100);
                for (auto it = reader_->waiting.begin(); it != reader_->waiting.end();) {
                    if (now < it->second->deadline) {
                        ++it;
                        continue;
                    }
                    if (!it->second->idle && !it->second->buffer.empty())
                        send_now(it->first, edge_error_response(408, "the request took too long to arrive"));
                    close_connection(it->first);
                    it = reader_->waiting.erase(it);
                }
            }
        }
        for (auto& connection : ready) {
            auto* raw = connection.release();
            reader_->pool->enqueue([this, raw] { serve(std::unique_ptr<Connection>(raw)); });
        }
        ready.clear();
    }
}

bool EdgeServer::serve_one(Connection& c, bool& keep_open) {
    RequestCheck check = find_request(c.buffer, limits_.head, limits_.body_limit);
    if (check.state == RequestState::incomplete) return false;
    if (check.state == RequestState::refused) {
        const std::string answer = edge_error_response(check.status, check.reason);
        if (c.fd < 0) c.output->append(answer); else send_now(c.fd, answer);
        keep_open = false;
        return true;
    }
    // cpp-httplib reads a POST without Content-Length to the end of the stream; HTTP/1.1 says
    // such a request has no body.
    const std::string_view method = std::string_view(check.rewritten).substr(0, check.rewritten.find(' '));
    if (check.content_length == 0 && (method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE"))
        check.rewritten.insert(check.rewritten.size() - 2, "Content-Length: 0\r\n");
    c.buffer.replace(0, check.head_size, check.rewritten);
    const std::size_t request_size = check.rewritten.size() + check.content_length;

    BufferedStream stream(c, static_cast<int>(write_timeout_sec_ * 1000 + write_timeout_usec_ / 1000));
    const bool last = ++c.requests >= limits_.keep_alive_max_count || reader_->stopping;
    bool closed_by_request = false;
    const bool written = process_request(stream, last, closed_by_request, nullptr);
    // Whatever httplib left unread of this request (it refused it early) is not a next request.
    keep_open = written && !last && !closed_by_request && stream.consumed() >= request_size;
    c.buffer.erase(0, stream.consumed());
    c.continue_sent = false;
    return true;
}

void EdgeServer::serve(std::unique_ptr<Connection> connection) {
    for (;;) {
        bool keep_open = true;
        if (!serve_one(*connection, keep_open)) {
            // The next request is not complete yet: back to the reader, which holds no thread.
            connection->idle = connection->buffer.empty();
            connection->deadline =
                Clock::now() + (connection->idle ? limits_.keep_alive_timeout : limits_.request_timeout);
            watch(std::move(connection));
            return;
        }
        if (!keep_open) {
            close_connection(connection->fd);
            return;
        }
    }
}

std::string EdgeServer::serve_in_memory(std::string input) {
    std::string output;
    Connection c;
    c.output = &output;
    c.buffer = std::move(input);
    c.remote_ip = "127.0.0.1";
    c.remote_port = 40000;
    c.local_ip = "127.0.0.1";
    c.local_port = 8080;
    for (;;) {
        bool keep_open = true;
        if (!serve_one(c, keep_open) || !keep_open) break;
    }
    return output;
}

}  // namespace stadsmijn::server
