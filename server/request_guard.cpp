#include "server/request_guard.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "server/http_server.h"

namespace stadsmijn::server {

namespace {

bool is_token_char(unsigned char c) {
    return std::isalnum(c) || std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

bool is_token(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return is_token_char(c); });
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

RequestCheck refuse(int status, std::string reason) {
    RequestCheck check;
    check.state = RequestState::refused;
    check.status = status;
    check.reason = std::move(reason);
    return check;
}

const char* status_text(int status) {
    switch (status) {
        case 400: return "Bad Request";
        case 408: return "Request Timeout";
        case 411: return "Length Required";
        case 413: return "Payload Too Large";
        case 414: return "URI Too Long";
        case 415: return "Unsupported Media Type";
        case 417: return "Expectation Failed";
        case 431: return "Request Header Fields Too Large";
        case 501: return "Not Implemented";
        case 503: return "Service Unavailable";
        case 505: return "HTTP Version Not Supported";
        default: return "Error";
    }
}

}  // namespace

std::optional<std::size_t> municipal_body_limit(std::string_view method, std::string_view path) {
    if (method == "PUT" && path.starts_with("/api/places/")) return kMunicipalPlaceBody;
    if (method == "POST" && path.starts_with("/api/places/") && path.ends_with("/reports")) return kMunicipalSmallBody;
    if (method == "POST" && path == "/api/editors") return kMunicipalSmallBody;
    if (method == "PUT" && path.starts_with("/api/campaigns/")) return kMunicipalPlaceBody;
    if (method == "POST" && path.starts_with("/api/reports/")) return std::size_t{0};
    if (method == "DELETE" && path.starts_with("/api/editors/")) return std::size_t{0};
    return std::nullopt;
}

std::size_t default_body_limit(std::string_view method, std::string_view path) {
    // The municipal routes take less: a place 16 KiB, a report or an editor 2 KiB (request_guard.h).
    if (auto limit = municipal_body_limit(method, path)) return *limit;
    const bool has_body = method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
    return has_body && path.starts_with("/api/") ? 64 * 1024 : 0;
}

RequestCheck find_request(std::string_view buffer, const HeadLimits& limits, const BodyLimit& body_limit) {
    // Every line ends in CRLF: a bare CR or LF is refused, so we and cpp-httplib (which skips
    // lines without CRLF) never disagree about where a header starts.
    const std::size_t line_end = buffer.find('\n');
    if (line_end == std::string_view::npos) {
        if (buffer.size() > limits.max_request_line + 1)
            return refuse(414, "the request line is longer than " + std::to_string(limits.max_request_line) + " bytes");
        return {};
    }
    if (line_end == 0 || buffer[line_end - 1] != '\r') return refuse(400, "lines must end with CRLF");
    if (line_end - 1 > limits.max_request_line)
        return refuse(414, "the request line is longer than " + std::to_string(limits.max_request_line) + " bytes");

    const std::size_t head_end = buffer.find("\r\n\r\n");
    if (head_end == std::string_view::npos || head_end + 4 > limits.max_head) {
        const std::string_view seen = buffer.substr(0, std::min(buffer.size(), limits.max_head));
        if (static_cast<std::size_t>(std::count(seen.begin(), seen.end(), '\n')) > limits.max_headers + 1)
            return refuse(431, "more than " + std::to_string(limits.max_headers) + " header lines");
        if (buffer.size() >= limits.max_head)
            return refuse(431, "the request head is larger than " + std::to_string(limits.max_head) + " bytes");
        return {};
    }
    const std::string_view head = buffer.substr(0, head_end + 2);  // the last header's CRLF included

    // The request line: METHOD SP TARGET SP HTTP/1.x
    const std::string_view request_line = head.substr(0, line_end - 1);
    const std::size_t space1 = request_line.find(' ');
    const std::size_t space2 = space1 == std::string_view::npos ? space1 : request_line.find(' ', space1 + 1);
    if (space2 == std::string_view::npos || request_line.find(' ', space2 + 1) != std::string_view::npos)
        return refuse(400, "the request line must be METHOD TARGET HTTP/1.1");
    const std::string_view method = request_line.substr(0, space1);
    const std::string_view target = request_line.substr(space1 + 1, space2 - space1 - 1);
    const std::string_view version = request_line.substr(space2 + 1);
    if (!is_token(method)) return refuse(400, "the method is not a token");
    if (target.empty() || target.front() != '/' ||
        !std::all_of(target.begin(), target.end(), [](char c) { return c > 0x20 && c < 0x7f; }))
        return refuse(400, "the target must be a path of visible ASCII characters");
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        if (version.starts_with("HTTP/")) return refuse(505, "only HTTP/1.1 and HTTP/1.0 are spoken here");
        return refuse(400, "the request line must end in HTTP/1.1");
    }

    RequestCheck check;
    check.rewritten.reserve(head.size() + 2);
    check.rewritten.append(head.substr(0, line_end + 1));
    bool has_length = false;
    std::size_t headers = 0;
    for (std::size_t start = line_end + 1; start < head.size();) {
        const std::size_t end = head.find('\n', start);  // head ends in CRLF: always found
        if (head[end - 1] != '\r') return refuse(400, "lines must end with CRLF");
        const std::string_view line = head.substr(start, end - 1 - start);
        const std::string_view whole_line = head.substr(start, end + 1 - start);
        start = end + 1;
        if (++headers > limits.max_headers)
            return refuse(431, "more than " + std::to_string(limits.max_headers) + " header lines");
        const std::size_t colon = line.find(':');
        // No space before the colon and no folded lines: both are ways to make two parsers disagree.
        if (colon == std::string_view::npos || !is_token(line.substr(0, colon)))
            return refuse(400, "a header line must be name: value");
        const std::string_view name = line.substr(0, colon);
        const std::string_view value = trim(line.substr(colon + 1));
        if (std::any_of(value.begin(), value.end(), [](char c) {
                auto b = static_cast<unsigned char>(c);
                return (b < 0x20 && b != '\t') || b == 0x7f;
            }))
            return refuse(400, "a header value holds a control character");

        if (equals_ignoring_case(name, "Content-Length")) {
            if (has_length) return refuse(400, "more than one Content-Length");
            if (value.empty() || value.size() > 18 ||
                !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return refuse(400, "Content-Length must be a number of bytes");
            has_length = true;
            check.content_length = std::stoull(std::string(value));
        } else if (equals_ignoring_case(name, "Transfer-Encoding")) {
            std::string lower(value);
            std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
            if (lower.find("chunked") != std::string::npos)
                return refuse(411, "chunked request bodies are not accepted: send Content-Length");
            return refuse(501, "request Transfer-Encoding is not supported");
        } else if (equals_ignoring_case(name, "Content-Encoding")) {
            return refuse(415, "compressed request bodies are not accepted: send them without Content-Encoding");
        } else if (equals_ignoring_case(name, "Expect")) {
            if (!equals_ignoring_case(value, "100-continue")) return refuse(417, "only Expect: 100-continue is known");
            check.expects_continue = true;
            continue;  // answered by the edge, not by cpp-httplib
        } else if (equals_ignoring_case(name, "Range") || equals_ignoring_case(name, "If-Range")) {
            continue;  // ranges are not served: every answer is the whole body (RFC 9110 14.2)
        }
        check.rewritten.append(whole_line);
    }
    check.rewritten.append("\r\n");

    const std::string_view path = target.substr(0, target.find('?'));
    const std::size_t limit = body_limit ? body_limit(method, path) : default_body_limit(method, path);
    if (check.content_length > limit) {
        return refuse(413, limit == 0 ? "this request takes no body"
                                      : "the request body is larger than " + std::to_string(limit) + " bytes");
    }
    check.head_size = head.size() + 2;
    check.state = buffer.size() - check.head_size >= check.content_length ? RequestState::complete
                                                                          : RequestState::incomplete;
    return check;
}

std::string edge_error_response(int status, std::string_view reason) {
    const std::string body =
        nlohmann::json{{"error", reason}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::string response = "HTTP/1.1 " + std::to_string(status) + " " + status_text(status) + "\r\n";
    response += "Content-Type: application/json; charset=utf-8\r\n";
    response += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    response += "Connection: close\r\nCache-Control: no-store\r\n";
    response += "Content-Security-Policy: " + content_security_policy() + "\r\n";
    response += "X-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\n";
    if (status == 503) response += "Retry-After: 5\r\n";
    response += "\r\n" + body;
    return response;
}

}  // namespace stadsmijn::server
