// The HTTP edge: what a request head may look like before cpp-httplib parses it.
//
// The server reads every request (head and body) into a bounded buffer of its own, with one
// deadline for the whole request, and hands it to cpp-httplib only when it is complete and
// passed these checks (see http_server.cpp). Debian's cpp-httplib 0.11.4 reads request lines and
// header lines of any length, any number of headers, chunked bodies of any size and decompresses
// gzip/brotli request bodies before a handler can look (notes/http-library.md).
//
//   HeadLimits limits;
//   auto head = find_request(buffer, limits, body_limit);
//   if (head.state == RequestState::complete) ... head.rewritten is what httplib gets
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace stadsmijn::server {

struct HeadLimits {
    std::size_t max_request_line = 8192;  // bytes, CRLF excluded (414 beyond)
    std::size_t max_head = 16 * 1024;     // request line and all headers (431 beyond)
    std::size_t max_headers = 100;        // header lines (431 beyond)
};

// The largest body a route takes: 0 for routes without one.
using BodyLimit = std::function<std::size_t(std::string_view method, std::string_view path)>;

// The default: bodies only on POST, PUT, PATCH and DELETE under /api/, at most 64 KiB.
std::size_t default_body_limit(std::string_view method, std::string_view path);

// The municipal self-service routes (municipal_api.*) take less than other API routes: a place or
// a campaign 16 KiB, a report or an editor 2 KiB, resolve and revoke nothing. Here, beside the
// other limits, so the edge (and its fuzzer) need not link the municipal API.
inline constexpr std::size_t kMunicipalPlaceBody = 16 * 1024;
inline constexpr std::size_t kMunicipalSmallBody = 2 * 1024;
std::optional<std::size_t> municipal_body_limit(std::string_view method, std::string_view path);

enum class RequestState {
    incomplete,  // wait for more bytes
    complete,    // head and body are in the buffer
    refused,     // answer `status` with `reason` and close
};

struct RequestCheck {
    RequestState state = RequestState::incomplete;
    int status = 0;
    std::string reason;
    std::size_t head_size = 0;       // bytes of the head in the buffer (through CRLF CRLF)
    std::size_t content_length = 0;  // bytes of body that follow it
    bool expects_continue = false;   // the client waits for "100 Continue" before its body
    // The head as cpp-httplib gets it: Range, If-Range and Expect removed (ranges are not served,
    // 100 Continue is answered here).
    std::string rewritten;
};

// Looks at the start of `buffer` (the bytes a connection sent so far).
RequestCheck find_request(std::string_view buffer, const HeadLimits& limits, const BodyLimit& body_limit);

// A complete response that closes the connection: a JSON error with security headers.
std::string edge_error_response(int status, std::string_view reason);

}  // namespace stadsmijn::server
